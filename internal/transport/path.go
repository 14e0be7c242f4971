package transport

import (
	"net/url"
	"strings"

	"github.com/google/go-querystring/query"
)

// ExpandPath replaces each "{}" in tmpl with the next arg, escaped as a
// single path segment. An empty argument, "." or "..", or a count that
// does not match the placeholders is an error, so caller-supplied IDs can
// never address another endpoint. tmpl itself is trusted and used as is.
func ExpandPath(tmpl string, args ...string) (string, error) {
	var b strings.Builder
	b.Grow(len(tmpl) + 16*len(args))
	if err := expandPath(&b, tmpl, args); err != nil {
		return "", err
	}
	return b.String(), nil
}

// expandPath writes tmpl with its placeholders replaced to b.
func expandPath(b *strings.Builder, tmpl string, args []string) error {
	i := 0
	for {
		at := strings.Index(tmpl, "{}")
		if at < 0 {
			b.WriteString(tmpl)
			break
		}
		if i >= len(args) {
			return invalid("path", "%d arguments for more placeholders", len(args))
		}
		a := args[i]
		switch a {
		case "":
			return invalid("path", "argument %d is empty", i+1)
		case ".", "..":
			return invalid("path", "argument %d is %q", i+1, a)
		}
		b.WriteString(tmpl[:at])
		b.WriteString(url.PathEscape(a))
		tmpl = tmpl[at+2:]
		i++
	}
	if i != len(args) {
		return invalid("path", "%d arguments for %d placeholders", len(args), i)
	}
	return nil
}

// resolve builds the absolute URL of r.
func (c *Client) resolve(r *Request) (*url.URL, error) {
	if r.URL != "" {
		u, err := url.Parse(r.URL)
		if err != nil {
			return nil, invalid("URL", "%v", err)
		}
		if !u.IsAbs() {
			u = c.base.ResolveReference(u)
		}
		if !sameOrigin(u, c.base) {
			return nil, invalid("URL", "%s is not on the API's origin %s", RedactURL(u), origin(c.base))
		}
		return u, nil
	}
	var b strings.Builder
	b.Grow(len(c.basePath) + 1 + len(r.Path) + 16*len(r.Args))
	b.WriteString(c.basePath)
	if r.Path != "" && r.Path[0] != '/' {
		b.WriteByte('/')
	}
	if err := expandPath(&b, r.Path, r.Args); err != nil {
		return nil, err
	}
	u := *c.base
	u.RawPath = b.String()
	var err error
	u.Path, err = url.PathUnescape(u.RawPath)
	if err != nil {
		return nil, invalid("path", "%v", err)
	}
	if u.RawPath == u.Path {
		u.RawPath = ""
	}
	if r.Query != nil {
		q, err := encodeQuery(r.Query)
		if err != nil {
			return nil, err
		}
		u.RawQuery = q
	}
	return &u, nil
}

// encodeQuery accepts url.Values or a struct with `url` tags.
func encodeQuery(q any) (string, error) {
	switch v := q.(type) {
	case url.Values:
		return v.Encode(), nil
	case map[string][]string:
		return url.Values(v).Encode(), nil
	}
	vals, err := query.Values(q)
	if err != nil {
		return "", invalid("query", "%v", err)
	}
	return vals.Encode(), nil
}

// SameOrigin reports whether raw, a URL the server gave (absolute, or
// relative to the base URL), is on the API's origin. A request to any
// other origin is refused.
func (c *Client) SameOrigin(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	if !u.IsAbs() {
		u = c.base.ResolveReference(u)
	}
	return sameOrigin(u, c.base)
}
