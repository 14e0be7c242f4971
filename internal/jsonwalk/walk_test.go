package jsonwalk

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
)

func members(t testing.TB, in string) (map[string]string, []string, error) {
	t.Helper()
	got := map[string]string{}
	var order []string
	err := Object([]byte(in), func(name, value []byte) error {
		got[string(name)] = string(value)
		order = append(order, string(name))
		return nil
	})
	return got, order, err
}

func TestObject(t *testing.T) {
	tests := []struct {
		in    string
		want  map[string]string
		order []string
	}{
		{in: `{}`, want: map[string]string{}},
		{in: ` { "a" : "x" , "b":1.5e3,"c":true,"d":null } `, want: map[string]string{"a": `"x"`, "b": `1.5e3`, "c": "true", "d": "null"}, order: []string{"a", "b", "c", "d"}},
		{in: `{"o":{"display_value":"In \"P\"","value":"2"},"l":[1,[2,{"x":"]"}]]}`,
			want: map[string]string{"o": `{"display_value":"In \"P\"","value":"2"}`, "l": `[1,[2,{"x":"]"}]]`}, order: []string{"o", "l"}},
		{in: `{"k\u00e9y":"v","caf\u00e9":"\u00e9"}`, want: map[string]string{"kéy": `"v"`, "café": `"\u00e9"`}, order: []string{"kéy", "café"}},
		{in: `null`, want: map[string]string{}},
	}
	for _, tt := range tests {
		got, order, err := members(t, tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(order, tt.order) {
			t.Errorf("Object(%s) = %v %v, %v; want %v %v", tt.in, got, order, err, tt.want, tt.order)
		}
	}
}

func TestObjectRejects(t *testing.T) {
	for _, in := range []string{
		``, `[]`, `"x"`, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{"a":1 "b":2}`, `{"a":tru}`, `{"a":01}`,
		`{"a":"x}`, "{\"a\":\"\x01\"}", `{"a":[1,2}`, `{"a":{"b":1]}`, `{"a":1}x`, `{a:1}`, `{"a":-}`, `{"a":1.}`,
	} {
		if _, _, err := members(t, in); !errors.Is(err, ErrSyntax) {
			t.Errorf("Object(%q) = %v, want ErrSyntax", in, err)
		}
	}
}

func TestCallbackErrorStopsTheWalk(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	walks := map[string]func() error{
		"Object": func() error {
			return Object([]byte(`{"a":1,"b":2}`), func(name, value []byte) error { n++; return stop })
		},
		"Array": func() error { return Array([]byte(`[1,2]`), func(elem []byte) error { n++; return stop }) },
	}
	for name, walk := range walks {
		n = 0
		if err := walk(); !errors.Is(err, stop) || n != 1 {
			t.Errorf("%s: err %v after %d calls, want the callback's error after 1", name, err, n)
		}
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		isText bool
	}{
		{in: `"plain"`, want: "plain", isText: true}, {in: `"tab\tand \"q\""`, want: "tab\tand \"q\"", isText: true}, {in: `"é"`, want: "é", isText: true},
		{in: "\"\xff\"", want: "\ufffd", isText: true}, {in: `12`}, {in: `null`}, {in: `{"value":"x"}`},
	}
	for _, tt := range tests {
		got, ok, err := String([]byte(tt.in))
		if err != nil || ok != tt.isText || got != tt.want {
			t.Errorf("String(%s) = %q, %v, %v", tt.in, got, ok, err)
		}
	}
}

// FuzzObject checks that the walker never panics, agrees with
// encoding/json on which objects are valid, and hands out the same members.
func FuzzObject(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":"b","c":[1,{"d":null}],"e":-0.5E+2}`, `{"a":"\u00e9\n"}`, `null`, `{"a":[}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := map[string]json.RawMessage{}
		err := Object([]byte(s), func(name, value []byte) error {
			got[string(name)] = append(json.RawMessage(nil), value...)
			return nil
		})
		var want map[string]json.RawMessage
		jerr := json.Unmarshal([]byte(s), &want)
		if jerr == nil && err != nil {
			t.Fatalf("valid %q rejected: %v", s, err)
		}
		if jerr == nil && want != nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("members of %q: %v, want %v", s, got, want)
		}
		if jerr != nil && err == nil && json.Valid([]byte(s)) {
			return // valid JSON that is not an object of members json accepts
		}
	})
}

// TestPlainWord checks the eight-byte test against a byte-by-byte one:
// every byte value at every position of an otherwise plain word, and
// random words.
func TestPlainWord(t *testing.T) {
	naive := func(b []byte) bool {
		for _, c := range b {
			if c == '"' || c == '\\' || c < 0x20 {
				return false
			}
		}
		return true
	}
	check := func(b []byte) {
		if got, want := plainWord(binary.LittleEndian.Uint64(b)), naive(b); got != want {
			t.Fatalf("plainWord(% x) = %v, want %v", b, got, want)
		}
	}
	for pos := range 8 {
		for c := range 256 {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			check(b)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1_000_000 {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], rng.Uint64())
		check(b[:])
	}
}
