import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState, type FormEvent } from 'react';
import { Loading } from '../platform/Loading.tsx';
import { QueryError } from '../platform/QueryError.tsx';
import { ServiceSelect } from '../registry/handling/ServiceSelect.tsx';
import { serviceTree, type EntityService } from '../registry/handling/serviceTree.ts';
import { useAddService, useSaveServiceContact, useServiceContact, type ServiceContact } from './api.ts';
import { fr } from './fr.ts';
import { MutationError } from './MutationError.tsx';

function AddServiceForm({ code, onDone }: { code: string; onDone: (message: string) => void }) {
  const add = useAddService(code);
  const [serviceCode, setServiceCode] = useState('');
  const [name, setName] = useState('');
  const [parentCode, setParentCode] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { code: serviceCode, name, ...(parentCode ? { parentCode } : {}) },
      {
        onSuccess: (service) => {
          onDone(fr.services.add.done(service.name));
          setServiceCode('');
          setName('');
          setParentCode('');
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.services.add.title} className="fr-mt-4w">
      <h3 className="fr-h5">{fr.services.add.title}</h3>
      <ServiceSelect id="service-parent" label={fr.services.add.parent} value={parentCode} onChange={setParentCode} emptyLabel={fr.services.add.noParent} />
      <Input
        label={fr.services.add.code}
        hintText={fr.services.add.codeHint}
        nativeInputProps={{ id: 'service-code', value: serviceCode, required: true, maxLength: 40, onChange: (e) => setServiceCode(e.target.value) }}
      />
      <Input label={fr.services.add.name} nativeInputProps={{ id: 'service-name', value: name, required: true, maxLength: 200, onChange: (e) => setName(e.target.value) }} />
      {add.isError && <MutationError error={add.error} />}
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? fr.submitting : fr.services.add.submit}
      </Button>
    </form>
  );
}

function ContactFields({ code, contact, onDone, onClose }: { code: string; contact: ServiceContact; onDone: (message: string) => void; onClose: () => void }) {
  const save = useSaveServiceContact(code, contact.code);
  const [addressLines, setAddressLines] = useState(contact.addressLines.join('\n'));
  const [postcode, setPostcode] = useState(contact.postcode);
  const [city, setCity] = useState(contact.city);
  const [email, setEmail] = useState(contact.email);
  const [phone, setPhone] = useState(contact.phone);
  const t = fr.services.contact;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const lines = addressLines.split('\n').map((line) => line.trim()).filter(Boolean);
    save.mutate({ addressLines: lines, postcode, city, email, phone }, { onSuccess: (saved) => onDone(t.done(saved.name)) });
  }

  return (
    <form onSubmit={onSubmit} aria-label={t.title(contact.name)} className="fr-mt-4w fr-p-3w" style={{ border: '1px solid var(--border-default-grey)' }}>
      <h3 className="fr-h5">{t.title(contact.name)}</h3>
      <p className="fr-hint-text">{t.hint}</p>
      <Input
        label={t.addressLines}
        hintText={t.addressHint}
        textArea
        nativeTextAreaProps={{ id: 'contact-address', value: addressLines, rows: 3, onChange: (e) => setAddressLines(e.target.value) }}
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input label={t.postcode} nativeInputProps={{ id: 'contact-postcode', value: postcode, inputMode: 'numeric', maxLength: 5, onChange: (e) => setPostcode(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Input label={t.city} nativeInputProps={{ id: 'contact-city', value: city, maxLength: 38, onChange: (e) => setCity(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label={t.email} nativeInputProps={{ id: 'contact-email', type: 'email', value: email, onChange: (e) => setEmail(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label={t.phone} nativeInputProps={{ id: 'contact-phone', type: 'tel', value: phone, onChange: (e) => setPhone(e.target.value) }} />
        </div>
      </div>
      {save.isError && <MutationError error={save.error} />}
      <Button type="submit" disabled={save.isPending} className="fr-mr-2w">
        {save.isPending ? fr.submitting : t.submit}
      </Button>
      <Button type="button" priority="secondary" onClick={onClose}>
        {t.cancel}
      </Button>
    </form>
  );
}

function ContactForm({ code, serviceCode, onDone, onClose }: { code: string; serviceCode: string; onDone: (message: string) => void; onClose: () => void }) {
  const contact = useServiceContact(code, serviceCode);
  if (contact.isPending) return <Loading />;
  if (contact.isError) return <QueryError error={contact.error} onRetry={() => void contact.refetch()} />;
  // keyed by service so that switching service starts from that service's data
  return <ContactFields key={serviceCode} code={code} contact={contact.data} onDone={onDone} onClose={onClose} />;
}

/** « Services »: the entity's tree; add a service under a parent; edit a service's contact data. */
export function ServicesSection({ code, services }: { code: string; services: EntityService[] }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const names = new Map(services.map((s) => [s.code, s.name]));
  const rows = serviceTree(services).map(({ service, depth }) => [
    <code key="code">{service.code}</code>,
    <span key="name" style={{ paddingLeft: `${depth * 1.5}rem` }}>
      {depth > 0 ? '└ ' : ''}
      {service.name}
    </span>,
    service.parentCode ? (names.get(service.parentCode) ?? service.parentCode) : '—',
    <Button
      key="edit"
      size="small"
      priority="tertiary"
      title={fr.services.editContactLabel(service.name)}
      onClick={() => {
        setNotice(null);
        setEditing(service.code);
      }}
    >
      {fr.services.editContact}
    </Button>,
  ]);
  return (
    <section aria-labelledby="admin-services" className="fr-mb-6w">
      <h2 id="admin-services">{fr.entity.sections.services}</h2>
      {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" closable onClose={() => setNotice(null)} />}
      <Table id="services-table" caption={fr.services.caption} headers={[fr.services.code, fr.services.name, fr.services.parent, fr.services.editContact]} data={rows} />
      {editing && <ContactForm code={code} serviceCode={editing} onDone={setNotice} onClose={() => setEditing(null)} />}
      <AddServiceForm code={code} onDone={setNotice} />
    </section>
  );
}
