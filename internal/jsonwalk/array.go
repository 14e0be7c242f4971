package jsonwalk

// Array calls fn with each element of the JSON array in b, in order, as
// raw JSON. A null b is an empty array. An error from fn stops the walk
// and is returned as it is.
func Array(b []byte, fn func(elem []byte) error) error {
	i, done, err := array.first(b)
	if done || err != nil {
		return err
	}
	if i, err = each(b, i, fn); err != nil {
		return err
	}
	return array.close(b, i)
}

// arrayAt calls fn with each element of the array starting at b[i] ==
// '[' and returns the index after its closing bracket.
func arrayAt(b []byte, i int, fn func(elem []byte) error) (int, error) {
	if i = ws(b, i+1); i < len(b) && b[i] == ']' {
		return i + 1, nil
	}
	i, err := each(b, i, fn)
	if err != nil {
		return 0, err
	}
	if i >= len(b) || b[i] != ']' {
		return 0, array.close(b, i) // says what is wrong
	}
	return i + 1, nil
}

// each calls fn with the elements of an array from the first, at b[i],
// and returns the index of what follows the last.
func each(b []byte, i int, fn func(elem []byte) error) (int, error) {
	for {
		end, err := skipValue(b, i)
		if err != nil {
			return 0, err
		}
		if err := fn(b[i:end]); err != nil {
			return 0, err
		}
		if i = ws(b, end); i < len(b) && b[i] == ',' {
			i = ws(b, i+1)
			continue
		}
		return i, nil
	}
}
