// From a captured packet to its TCP segment: link layer (Ethernet with 802.1Q tags, Linux
// cooked capture v1 and v2, BSD and OpenBSD loopback, raw IP), then IPv4 (RFC 791) or
// IPv6 (RFC 8200, extension headers skipped), then the TCP header (RFC 9293 §3.1). Pure.

export interface TcpSegment {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  syn: boolean;
  ackFlag: boolean;
  fin: boolean;
  rst: boolean;
  payload: Buffer;
}

/** A segment, or why the packet is not one (`ignore` for traffic that is simply not TCP). */
export type Decoded = { segment: TcpSegment } | { ignore: string } | { problem: string };

export const LINK_TYPES: Readonly<Record<number, string>> = {
  0: 'BSD loopback',
  1: 'Ethernet',
  12: 'raw IP',
  14: 'raw IP',
  101: 'raw IP',
  108: 'OpenBSD loopback',
  113: 'Linux cooked capture',
  228: 'raw IPv4',
  229: 'raw IPv6',
  276: 'Linux cooked capture v2',
};

export function decodePacket(linkType: number, data: Buffer): Decoded {
  const ip = linkPayload(linkType, data);
  if ('ignore' in ip || 'problem' in ip) return ip;
  return decodeIp(ip.data, ip.etherType);
}

type LinkResult = { data: Buffer; etherType?: number } | { ignore: string } | { problem: string };

const ETHER_IPV4 = 0x0800;
const ETHER_IPV6 = 0x86dd;

function linkPayload(linkType: number, data: Buffer): LinkResult {
  switch (linkType) {
    case 1: {
      // Ethernet II: destination, source, EtherType; 802.1Q / 802.1ad tags add 4 bytes each.
      if (data.length < 14) return { problem: 'an Ethernet frame shorter than its header' };
      let offset = 12;
      let type = data.readUInt16BE(offset);
      while ((type === 0x8100 || type === 0x88a8) && data.length >= offset + 6) {
        offset += 4;
        type = data.readUInt16BE(offset);
      }
      return { data: data.subarray(offset + 2), etherType: type };
    }
    case 113: {
      // Linux cooked capture v1: packet type, ARPHRD type, address length, 8 address bytes, protocol.
      if (data.length < 16) return { problem: 'a Linux cooked capture header that is cut short' };
      return { data: data.subarray(16), etherType: data.readUInt16BE(14) };
    }
    case 276: {
      // Linux cooked capture v2: protocol first, then interface index, ARPHRD, packet type, address.
      if (data.length < 20) return { problem: 'a Linux cooked capture v2 header that is cut short' };
      return { data: data.subarray(20), etherType: data.readUInt16BE(0) };
    }
    case 0:
    case 108: {
      // BSD loopback: a 4-byte address family, in the capturing host's byte order (LINKTYPE_NULL)
      // or big-endian (LINKTYPE_LOOP). AF_INET is 2 everywhere; AF_INET6 is 24, 28 or 30.
      if (data.length < 4) return { problem: 'a loopback header that is cut short' };
      const le = data.readUInt32LE(0);
      const family = linkType === 108 || le > 0xffff ? data.readUInt32BE(0) : le;
      if (family === 2) return { data: data.subarray(4), etherType: ETHER_IPV4 };
      if (family === 24 || family === 28 || family === 30) return { data: data.subarray(4), etherType: ETHER_IPV6 };
      return { ignore: `address family ${family}` };
    }
    case 12:
    case 14:
    case 101:
    case 228:
    case 229:
      return { data };
    default:
      return { problem: `link type ${linkType}, which this importer does not read (it reads ${[...new Set(Object.values(LINK_TYPES))].join(', ')})` };
  }
}

function decodeIp(data: Buffer, etherType?: number): Decoded {
  const version = data.length > 0 ? data[0]! >> 4 : 0;
  if (etherType !== undefined && etherType !== ETHER_IPV4 && etherType !== ETHER_IPV6) return { ignore: `EtherType 0x${etherType.toString(16)}` };
  if (version === 4) return decodeIpv4(data);
  if (version === 6) return decodeIpv6(data);
  return { ignore: 'not an IP packet' };
}

function decodeIpv4(data: Buffer): Decoded {
  if (data.length < 20) return { problem: 'an IPv4 packet shorter than its header' };
  const headerLength = (data[0]! & 0x0f) * 4;
  const total = data.readUInt16BE(2);
  const protocol = data[9]!;
  if (protocol !== 6) return { ignore: `IP protocol ${protocol}` };
  const flags = data.readUInt16BE(6);
  const src = ipv4(data.subarray(12, 16));
  const dst = ipv4(data.subarray(16, 20));
  if ((flags & 0x2000) !== 0 || (flags & 0x1fff) !== 0) return { problem: `a fragmented IPv4 packet (${src} → ${dst}): IP fragments are not reassembled` };
  // Ethernet pads short frames; the IP total length says where the packet ends (0 with TSO: take all).
  const end = total === 0 ? data.length : Math.min(total, data.length);
  return decodeTcp(data.subarray(headerLength, end), src, dst);
}

function decodeIpv6(data: Buffer): Decoded {
  if (data.length < 40) return { problem: 'an IPv6 packet shorter than its header' };
  const payloadLength = data.readUInt16BE(4);
  let next = data[6]!;
  const src = ipv6(data.subarray(8, 24));
  const dst = ipv6(data.subarray(24, 40));
  let offset = 40;
  const end = payloadLength === 0 ? data.length : Math.min(40 + payloadLength, data.length);
  // Hop-by-hop (0), routing (43), destination options (60): skip; fragment (44): refuse.
  while (next === 0 || next === 43 || next === 60 || next === 44) {
    if (next === 44) return { problem: `a fragmented IPv6 packet (${src} → ${dst}): IP fragments are not reassembled` };
    if (data.length < offset + 8) return { problem: 'an IPv6 extension header that is cut short' };
    const following = data[offset]!;
    offset += (data[offset + 1]! + 1) * 8;
    next = following;
  }
  if (next !== 6) return { ignore: `IPv6 next header ${next}` };
  return decodeTcp(data.subarray(offset, end), src, dst);
}

function decodeTcp(data: Buffer, src: string, dst: string): Decoded {
  if (data.length < 20) return { problem: `a TCP segment shorter than its header (${src} → ${dst})` };
  const dataOffset = (data[12]! >> 4) * 4;
  if (dataOffset < 20 || dataOffset > data.length) return { problem: `a TCP header with a bad data offset (${src} → ${dst})` };
  const flags = data[13]!;
  return {
    segment: {
      src,
      dst,
      srcPort: data.readUInt16BE(0),
      dstPort: data.readUInt16BE(2),
      seq: data.readUInt32BE(4),
      ack: data.readUInt32BE(8),
      fin: (flags & 0x01) !== 0,
      syn: (flags & 0x02) !== 0,
      rst: (flags & 0x04) !== 0,
      ackFlag: (flags & 0x10) !== 0,
      payload: data.subarray(dataOffset),
    },
  };
}

function ipv4(b: Buffer): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

/** RFC 5952 text form: lowercase, zeros dropped, the longest run of zero groups as `::`. */
export function ipv6(b: Buffer): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** `10.0.0.1:51234` or `[::1]:9000`. */
export function endpoint(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
