package jsonwalk

// Array calls fn with each element of the JSON array in b, in order, as
// raw JSON. A null b is an empty array. An error from fn stops the walk
// and is returned as it is.
func Array(b []byte, fn func(elem []byte) error) error {
	i := ws(b, 0)
	if i+4 <= len(b) && string(b[i:i+4]) == "null" && ws(b, i+4) == len(b) {
		return nil
	}
	if i >= len(b) || b[i] != '[' {
		return syntaxErr(b, i, "want an array")
	}
	i = ws(b, i+1)
	if i < len(b) && b[i] == ']' {
		if ws(b, i+1) != len(b) {
			return syntaxErr(b, i+1, "data after the array")
		}
		return nil
	}
	for {
		end, err := skipValue(b, i)
		if err != nil {
			return err
		}
		if err := fn(b[i:end]); err != nil {
			return err
		}
		i = ws(b, end)
		if i >= len(b) {
			return syntaxErr(b, i, "array not closed")
		}
		switch b[i] {
		case ',':
			i = ws(b, i+1)
		case ']':
			if ws(b, i+1) != len(b) {
				return syntaxErr(b, i+1, "data after the array")
			}
			return nil
		default:
			return syntaxErr(b, i, "want ',' or ']'")
		}
	}
}
