package jsonwalk

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// ErrSyntax is matched by errors.Is for malformed input.
var ErrSyntax = errors.New("jsonwalk: malformed JSON")

// maxDepth bounds nesting inside a skipped value, so a hostile answer of
// deeply nested brackets costs no more than a flat one.
const maxDepth = 10000

func syntaxErr(b []byte, at int, what string) error {
	return fmt.Errorf("%w: %s at offset %d of %d", ErrSyntax, what, at, len(b))
}

// Object calls fn for each member of the JSON object in b, in order, with
// the member's name (unquoted; valid only during the call) and its raw
// value. A null b is not an object: Object returns nil without calling fn.
// An error from fn stops the walk and is returned as it is.
func Object(b []byte, fn func(name, value []byte) error) error {
	i, done, err := object.first(b)
	if done || err != nil {
		return err
	}
	if i, err = walkMembers(b, i, member(b, fn)); err != nil {
		return err
	}
	return object.close(b, i)
}

// member reads a member by handing its name and whole value to fn.
func member(b []byte, fn func(name, value []byte) error) func(name []byte, i int) (int, error) {
	return func(name []byte, i int) (int, error) {
		end, err := skipValue(b, i)
		if err != nil {
			return 0, err
		}
		return end, fn(name, b[i:end])
	}
}

// ObjectElements walks the array that is the member named member of the
// JSON object in b, whose elements must be objects: it calls fn with each
// element's members in order (as Object does) and done after each
// element's last, reading b once — where Object, Array and then Object
// on each element would read the elements three times. A null or absent member
// calls nothing; an element that is not an object is an error.
func ObjectElements(b []byte, member string, fn func(name, value []byte) error, done func() error) error {
	i, finished, err := object.first(b)
	if finished || err != nil {
		return err
	}
	i, err = walkMembers(b, i, func(name []byte, i int) (int, error) {
		if string(name) != member || i >= len(b) || b[i] != '[' {
			return skipValue(b, i)
		}
		return arrayAt(b, i, func(j int) (int, error) {
			end, err := objectAt(b, j, fn)
			if err == nil {
				err = done()
			}
			return end, err
		})
	})
	if err != nil {
		return err
	}
	return object.close(b, i)
}

// objectAt calls fn with each member of the object starting at b[i] and
// returns the index after its closing brace.
func objectAt(b []byte, i int, fn func(name, value []byte) error) (int, error) {
	if i >= len(b) || b[i] != '{' {
		return 0, syntaxErr(b, i, "want an object")
	}
	if i = ws(b, i+1); i < len(b) && b[i] == '}' {
		return i + 1, nil
	}
	i, err := walkMembers(b, i, member(b, fn))
	if err != nil {
		return 0, err
	}
	if i >= len(b) || b[i] != '}' {
		return 0, object.close(b, i) // says what is wrong
	}
	return i + 1, nil
}

// walkMembers walks the members of the object whose first member starts at
// b[i], calling value with each member's name (valid only during the call)
// and the index of its value, which value reads and returns the end of.
// It returns the index of what follows the last member.
func walkMembers(b []byte, i int, value func(name []byte, i int) (int, error)) (int, error) {
	var scratch []byte
	for {
		if i >= len(b) || b[i] != '"' {
			return 0, syntaxErr(b, i, "want a member name")
		}
		end, err := skipString(b, i)
		if err != nil {
			return 0, err
		}
		name, ok := Unquote(b[i:end])
		if !ok {
			var s string
			if err := json.Unmarshal(b[i:end], &s); err != nil {
				return 0, syntaxErr(b, i, "bad member name")
			}
			scratch = append(scratch[:0], s...)
			name = scratch
		}
		i = ws(b, end)
		if i >= len(b) || b[i] != ':' {
			return 0, syntaxErr(b, i, "want ':'")
		}
		vend, err := value(name, ws(b, i+1))
		if err != nil {
			return 0, err
		}
		if i = ws(b, vend); i < len(b) && b[i] == ',' {
			i = ws(b, i+1)
			continue
		}
		return i, nil
	}
}

// container is the punctuation of a JSON object or array, shared by the
// walks of both.
type container struct {
	name           string // "object" or "array", for error messages
	opener, closer byte
	wantNext       string // the error for a member followed by neither ',' nor closer
}

var (
	object = &container{name: "object", opener: '{', closer: '}', wantNext: "want ',' or '}'"}
	array  = &container{name: "array", opener: '[', closer: ']', wantNext: "want ',' or ']'"}
)

// first returns the index of the container's first member in b. done is
// true, with a nil error, when b is null or the container is empty.
func (c *container) first(b []byte) (i int, done bool, err error) {
	i = ws(b, 0)
	if i+4 <= len(b) && string(b[i:i+4]) == "null" && ws(b, i+4) == len(b) {
		return i, true, nil
	}
	if i >= len(b) || b[i] != c.opener {
		return i, true, syntaxErr(b, i, "want an "+c.name)
	}
	i = ws(b, i+1)
	if i < len(b) && b[i] == c.closer {
		return i, true, c.close(b, i)
	}
	return i, false, nil
}

// close checks what follows the last member: the closing bracket at
// b[i], then only white space.
func (c *container) close(b []byte, i int) error {
	switch {
	case i >= len(b):
		return syntaxErr(b, i, c.name+" not closed")
	case b[i] != c.closer:
		return syntaxErr(b, i, c.wantNext)
	case ws(b, i+1) != len(b):
		return syntaxErr(b, i+1, "data after the "+c.name)
	}
	return nil
}

// Unquote returns the contents of a JSON string without escapes, sharing
// b's memory. It reports false for anything else (escapes, invalid UTF-8,
// not a string), where the caller falls back to encoding/json.
func Unquote(b []byte) ([]byte, bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return nil, false
	}
	in := b[1 : len(b)-1]
	ascii := true
	for _, c := range in {
		if c == '\\' || c == '"' || c < 0x20 {
			return nil, false
		}
		if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	if !ascii && !utf8.Valid(in) {
		return nil, false // encoding/json replaces invalid bytes with U+FFFD
	}
	return in, true
}

// String decodes a JSON string value; the bool is false when v is not a
// string (a number, an object, null …).
func String(v []byte) (string, bool, error) {
	if s, ok := Unquote(v); ok {
		return string(s), true, nil
	}
	if len(v) == 0 || v[0] != '"' {
		return "", false, nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", false, err
	}
	return s, true, nil
}

func ws(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the index after the string starting at b[i] == '"'.
func skipString(b []byte, i int) (int, error) {
	j := i + 1
	// Eight bytes at a time while none of them ends the string, starts
	// an escape or is a control character (most of a record's text).
	for ; j+8 <= len(b) && plainWord(binary.LittleEndian.Uint64(b[j:])); j += 8 {
	}
	for ; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return j + 1, nil
		case c == '\\':
			j++
			if j >= len(b) {
				return 0, syntaxErr(b, j, "string not closed")
			}
		case c < 0x20:
			return 0, syntaxErr(b, j, "control character in string")
		}
	}
	return 0, syntaxErr(b, len(b), "string not closed")
}

// plainWord reports whether none of the eight bytes of w is '"', '\\' or
// below 0x20, by the bit tricks of "Bit Twiddling Hacks" (a byte of x is
// zero exactly when its high bit is set in (x-0x01…)&^x&0x80…).
func plainWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zero := func(x uint64) uint64 { return (x - ones) &^ x & highs }
	less := (w - 0x20*ones) &^ w & highs // some byte is below 0x20
	return zero(w^('"'*ones))|zero(w^('\\'*ones))|less == 0
}

// skipValue returns the index after the value starting at b[i].
func skipValue(b []byte, i int) (int, error) {
	if i >= len(b) {
		return 0, syntaxErr(b, i, "want a value")
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		return skipNested(b, i)
	}
	j := i
	for j < len(b) {
		c := b[j]
		if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		j++
	}
	lit := b[i:j]
	switch string(lit) {
	case "true", "false", "null":
		return j, nil
	}
	if isNumber(lit) {
		return j, nil
	}
	return 0, syntaxErr(b, i, "bad literal")
}

// skipNested skips an object or array, checking brackets and strings.
func skipNested(b []byte, i int) (int, error) {
	stack := make([]byte, 0, 16)
	for j := i; j < len(b); j++ {
		switch c := b[j]; c {
		case '{', '[':
			if len(stack) >= maxDepth {
				return 0, syntaxErr(b, j, "nested too deeply")
			}
			stack = append(stack, c)
		case '}', ']':
			want := byte('{')
			if c == ']' {
				want = '['
			}
			if len(stack) == 0 || stack[len(stack)-1] != want {
				return 0, syntaxErr(b, j, "unbalanced brackets")
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return j + 1, nil
			}
		case '"':
			end, err := skipString(b, j)
			if err != nil {
				return 0, err
			}
			j = end - 1
		case ' ', '\t', '\n', '\r', ',', ':':
		default:
			k := j
			for k < len(b) && !isDelim(b[k]) {
				k++
			}
			lit := b[j:k]
			if s := string(lit); s != "true" && s != "false" && s != "null" && !isNumber(lit) {
				return 0, syntaxErr(b, j, "bad literal")
			}
			j = k - 1
		}
	}
	return 0, syntaxErr(b, len(b), "not closed")
}

func isDelim(c byte) bool {
	switch c {
	case ',', ':', '{', '}', '[', ']', '"', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

// isNumber reports whether b is a JSON number.
func isNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i >= len(b) {
		return false
	}
	var ok bool
	if b[i] == '0' {
		i++
	} else if i, ok = digits(b, i); !ok {
		return false
	}
	if i < len(b) && b[i] == '.' {
		if i, ok = digits(b, i+1); !ok {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i, ok = digits(b, i); !ok {
			return false
		}
	}
	return i == len(b)
}

// digits returns the index after the run of decimal digits starting at
// b[i], and whether that run holds at least one digit.
func digits(b []byte, i int) (int, bool) {
	start := i
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i, i > start
}
