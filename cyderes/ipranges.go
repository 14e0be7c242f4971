package cyderes

import "net/netip"

// isNonRoutable reports whether a is not the address of a host on the
// public internet (the ranges of the IANA special-purpose registries that
// are not globally reachable, plus multicast):
//
//	IPv4: 0.0.0.0/8 this network, 10.0.0.0/8, 172.16.0.0/12 and
//	      192.168.0.0/16 private (RFC 1918), 100.64.0.0/10 shared (CGNAT),
//	      127.0.0.0/8 loopback, 169.254.0.0/16 link-local, 192.0.0.0/24
//	      protocol assignments, 192.0.2.0/24, 198.51.100.0/24 and
//	      203.0.113.0/24 documentation, 198.18.0.0/15 benchmarking,
//	      224.0.0.0/4 multicast, 240.0.0.0/4 reserved and the broadcast
//	      address;
//	IPv6: :: and ::1, fc00::/7 unique-local, fe80::/10 link-local,
//	      fec0::/10 site-local (deprecated), ff00::/8 multicast, 100::/64
//	      discard-only, 2001:db8::/32 and 3fff::/20 documentation,
//	      2001:2::/48 benchmarking, and an IPv4-mapped address
//	      (::ffff:0:0/96) of a range above.
func isNonRoutable(a netip.Addr) bool {
	a = a.Unmap()
	if a.Is4() {
		b := a.As4()
		switch {
		case b[0] == 0, b[0] == 10, b[0] == 127, b[0] >= 224:
		case b[0] == 100 && b[1]&0xc0 == 64:
		case b[0] == 169 && b[1] == 254:
		case b[0] == 172 && b[1]&0xf0 == 16:
		case b[0] == 192 && b[1] == 168:
		case b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2):
		case b[0] == 198 && b[1]&0xfe == 18:
		case b[0] == 198 && b[1] == 51 && b[2] == 100:
		case b[0] == 203 && b[1] == 0 && b[2] == 113:
		default:
			return false
		}
		return true
	}
	b := a.As16()
	switch {
	case a.IsUnspecified(), a.IsLoopback():
	case b[0]&0xfe == 0xfc: // unique-local
	case b[0] == 0xfe && b[1]&0xc0 == 0x80: // link-local
	case b[0] == 0xfe && b[1]&0xc0 == 0xc0: // site-local
	case b[0] == 0xff: // multicast
	case b[0] == 0x01 && b[1] == 0 && b[2]|b[3]|b[4]|b[5]|b[6]|b[7] == 0: // discard-only
	case b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8: // documentation
	case b[0] == 0x3f && b[1] == 0xff && b[2]&0xf0 == 0: // documentation
	case b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0x02 && b[4]|b[5] == 0: // benchmarking
	default:
		return false
	}
	return true
}
