package paging

import "strings"

// Link is one link of an RFC 8288 Link header.
type Link struct {
	// URL is the target as written between < and >, not resolved.
	URL string
	// Rel holds the relation types, lower-cased (a rel parameter may name
	// several, separated by spaces).
	Rel []string
	// Params holds the other parameters by lower-cased name, unquoted.
	Params map[string]string
}

// Links is a parsed Link header.
type Links []Link

// ParseLinkHeader parses the values of one or more Link header fields.
// It is lenient: a malformed link is skipped and parsing resumes at the
// next one. Commas and semicolons inside <...> and quoted strings are part
// of the URL or value. Only the first rel parameter of a link counts, as
// RFC 8288 requires.
func ParseLinkHeader(values ...string) Links {
	var out Links
	for _, v := range values {
		p := linkParser{s: v}
		for {
			l, ok, more := p.next()
			if ok {
				out = append(out, l)
			}
			if !more {
				break
			}
		}
	}
	return out
}

// Get returns the URL of the first link with relation rel (case-insensitive).
func (ls Links) Get(rel string) (string, bool) {
	rel = strings.ToLower(rel)
	for _, l := range ls {
		for _, r := range l.Rel {
			if r == rel {
				return l.URL, true
			}
		}
	}
	return "", false
}

// Next returns the rel="next" URL.
func (ls Links) Next() (string, bool) { return ls.Get("next") }

// Prev returns the rel="prev" URL (or rel="previous").
func (ls Links) Prev() (string, bool) {
	if u, ok := ls.Get("prev"); ok {
		return u, true
	}
	return ls.Get("previous")
}

// First returns the rel="first" URL.
func (ls Links) First() (string, bool) { return ls.Get("first") }

// Last returns the rel="last" URL.
func (ls Links) Last() (string, bool) { return ls.Get("last") }

// linkParser scans one header value.
type linkParser struct {
	s string
	i int
}

// next parses the link at the current position. ok reports a well-formed
// link; more reports that input remains.
func (p *linkParser) next() (l Link, ok, more bool) {
	p.skip(" \t,")
	if p.i >= len(p.s) {
		return l, false, false
	}
	if p.s[p.i] != '<' {
		p.skipLink()
		return l, false, p.i < len(p.s)
	}
	end := strings.IndexByte(p.s[p.i+1:], '>')
	if end < 0 {
		p.i = len(p.s)
		return l, false, false
	}
	l.URL = strings.TrimSpace(p.s[p.i+1 : p.i+1+end])
	p.i += end + 2
	relSeen := false
	for {
		p.skip(" \t")
		if p.i >= len(p.s) || p.s[p.i] == ',' {
			break
		}
		if p.s[p.i] != ';' {
			p.skipLink()
			return Link{}, false, p.i < len(p.s)
		}
		p.i++
		p.skip(" \t")
		name := strings.ToLower(p.token())
		if name == "" {
			p.skipLink()
			return Link{}, false, p.i < len(p.s)
		}
		p.skip(" \t")
		value := ""
		if p.i < len(p.s) && p.s[p.i] == '=' {
			p.i++
			p.skip(" \t")
			if p.i < len(p.s) && p.s[p.i] == '"' {
				value = p.quoted()
			} else {
				value = p.token()
			}
		}
		if name == "rel" {
			if !relSeen {
				relSeen = true
				l.Rel = strings.Fields(strings.ToLower(value))
			}
			continue
		}
		if l.Params == nil {
			l.Params = map[string]string{}
		}
		if _, dup := l.Params[name]; !dup {
			l.Params[name] = value
		}
	}
	return l, true, p.i < len(p.s)
}

func (p *linkParser) skip(chars string) {
	for p.i < len(p.s) && strings.IndexByte(chars, p.s[p.i]) >= 0 {
		p.i++
	}
}

// token reads RFC 9110 token characters (and '*' for extended names).
func (p *linkParser) token() string {
	start := p.i
	for p.i < len(p.s) && isTokenChar(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i]
}

// quoted reads a quoted-string at p.i (which holds '"'), unescaping it.
func (p *linkParser) quoted() string {
	var b strings.Builder
	p.i++
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch {
		case c == '"':
			return b.String()
		case c == '\\' && p.i < len(p.s):
			b.WriteByte(p.s[p.i])
			p.i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// skipLink moves past the rest of a malformed link: to the next comma
// outside <...> and quoted strings.
func (p *linkParser) skipLink() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ',':
			p.i++
			return
		case '"':
			p.quoted()
			continue
		case '<':
			if end := strings.IndexByte(p.s[p.i:], '>'); end >= 0 {
				p.i += end + 1
				continue
			}
			p.i = len(p.s)
			return
		}
		p.i++
	}
}

func isTokenChar(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
