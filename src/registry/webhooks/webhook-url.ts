import dns from 'node:dns';
import net from 'node:net';
import { OctoError } from '../../platform/errors.ts';

// Addresses a subscriber URL may not reach unless OCTO_WEBHOOK_ALLOW_PRIVATE: loopback, private
// networks, link-local (cloud metadata at 169.254.169.254), CGNAT, "this network", multicast.
const BLOCKED = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) BLOCKED.addSubnet(address, prefix, 'ipv6');

/** True for a loopback, private, link-local or otherwise internal address. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
    return BLOCKED.check(address, 'ipv6');
  }
  return true; // not an address at all: refuse
}

/**
 * Checks a subscriber URL when it is recorded: http or https only, no credentials, and, unless
 * private addresses are allowed, no literal internal address or localhost name. Names are checked
 * again at each delivery, on the address actually connected to (see guardedLookup).
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new OctoError('REGISTRY_WEBHOOK_URL_INVALID', 'unparsable url', { detailFr: `« ${raw} » n’est pas une adresse web.` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OctoError('REGISTRY_WEBHOOK_URL_INVALID', `scheme ${url.protocol}`, { detailFr: `Protocole refusé : ${url.protocol.replace(/:$/, '')}.` });
  }
  if (url.username || url.password) {
    throw new OctoError('REGISTRY_WEBHOOK_URL_INVALID', 'credentials in url', { detailFr: 'L’adresse ne doit pas contenir d’identifiant ni de mot de passe.' });
  }
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost' || host.endsWith('.localhost') || (net.isIP(host) && isPrivateAddress(host))) {
      throw new OctoError('REGISTRY_WEBHOOK_URL_FORBIDDEN', `internal host ${host}`, { detailFr: `Hôte : ${host}.` });
    }
  }
  return url;
}

/**
 * A `lookup` for http.request that refuses internal addresses at connection time, so a name that
 * resolves (or is re-pointed, DNS rebinding) to an internal address is never reached.
 */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as unknown as dns.LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (refused) {
        return callback(Object.assign(new Error(`adresse interne refusée : ${hostname} → ${refused.address}`), { code: 'OCTO_PRIVATE_ADDRESS' }), '', 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0]!;
      return callback(null, first.address, first.family);
    });
  };
}
