// Which addresses a webhook may reach: public unicast only. Every spelling of an address (`127.1`,
// `2130706433`, `0x7f000001`, `0177.0.0.1`, `[::ffff:127.0.0.1]`) is normalised by the WHATWG URL
// parser before it gets here, and every name is resolved, so what is judged is what is dialled.
import { isIP } from 'node:net';

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'ipv4-mapped'
  | 'unique-local'
  | 'reserved';

const RANGES: [AddressClass, string, number, 'ipv4' | 'ipv6'][] = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['cgnat', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['ipv4-mapped', '::ffff:0:0', 96, 'ipv6'],
  // IPv4-compatible (deprecated), NAT64 and the IPv4/IPv6 translation prefix all reach an IPv4 host.
  ['ipv4-mapped', '::', 96, 'ipv6'],
  ['ipv4-mapped', '64:ff9b::', 96, 'ipv6'],
  ['ipv4-mapped', '64:ff9b:1::', 48, 'ipv6'],
  ['reserved', '100::', 64, 'ipv6'],
  ['unique-local', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['reserved', 'fec0::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];

/** An address as a number of its family's width (IPv4: 32 bits, IPv6: 128 bits). */
function toBits(address: string, family: 4 | 6): bigint {
  if (family === 4) return address.split('.').reduce((n, o) => (n << 8n) | BigInt(Number(o)), 0n);
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = toBits(v4[1]!, 4);
    text = `${text.slice(0, -v4[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((n, g) => (n << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

const compiled = RANGES.map(([cls, net, prefix, fam]) => {
  const family = fam === 'ipv4' ? 4 : 6;
  const width = family === 4 ? 32n : 128n;
  const shift = width - BigInt(prefix);
  return { cls, family, shift, base: toBits(net, family) >> shift };
});

// Checked in this order: `::1` is loopback before it is "IPv4-compatible".
const ORDER: AddressClass[] = [
  'unspecified',
  'loopback',
  'private',
  'link-local',
  'cgnat',
  'multicast',
  'unique-local',
  'ipv4-mapped',
  'reserved',
];

/** The class of an IP address literal (no brackets); throws on something that is not one. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) throw new Error(`not an IP address: ${address}`);
  const bits = toBits(address, family as 4 | 6);
  for (const cls of ORDER)
    if (compiled.some((r) => r.cls === cls && r.family === family && bits >> r.shift === r.base)) return cls;
  return 'public';
}

/** A URL host as the URL parser leaves it (`[::1]`, `127.0.0.1`, `example.org`) → an IP literal or undefined. */
export function ipLiteralOf(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : undefined;
}

/** Names that mean this machine whatever DNS says. */
export function isLocalName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.+$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === 'localhost.localdomain';
}
