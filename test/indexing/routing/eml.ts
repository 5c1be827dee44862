let counter = 0;
/** A plain e-mail as a mailbox would deliver it: no OCR, so the tests stay quick. */
export function eml(subject: string, body: string, from = 'karim.benali@gmail.com', to = 'pref-courrier@rhone.gouv.fr'): Buffer {
  counter += 1;
  return Buffer.from(
    [`From: Expéditeur <${from}>`, `To: ${to}`, `Subject: =?utf-8?B?${Buffer.from(subject).toString('base64')}?=`, 'Date: Mon, 01 Jun 2026 10:00:00 +0200',
      `Message-ID: <routing-${counter}-${Date.now()}@test.invalid>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body, ''].join('\r\n'),
  );
}
