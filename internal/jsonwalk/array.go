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

// arrayAt walks the array starting at b[i] == '[' and returns the index
// after its closing bracket, letting at read each element in place from
// its first byte and return the index after it.
func arrayAt(b []byte, i int, at func(i int) (int, error)) (int, error) {
	if i = ws(b, i+1); i < len(b) && b[i] == ']' {
		return i + 1, nil
	}
	i, err := eachAt(b, i, at)
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
	return eachAt(b, i, whole(b, fn))
}

// whole reads an element by handing it whole to fn.
func whole(b []byte, fn func(elem []byte) error) func(i int) (int, error) {
	return func(i int) (int, error) {
		end, err := skipValue(b, i)
		if err != nil {
			return 0, err
		}
		return end, fn(b[i:end])
	}
}

// eachAt lets at read the elements of an array in place from the first,
// at b[i], and returns the index of what follows the last.
func eachAt(b []byte, i int, at func(i int) (int, error)) (int, error) {
	for {
		end, err := at(i)
		if err != nil {
			return 0, err
		}
		if i = ws(b, end); i < len(b) && b[i] == ',' {
			i = ws(b, i+1)
			continue
		}
		return i, nil
	}
}
