package jsonwalk

// Array calls fn with each element of the JSON array in b, in order, as
// raw JSON. A null b is an empty array. An error from fn stops the walk
// and is returned as it is.
func Array(b []byte, fn func(elem []byte) error) error {
	i, done, err := array.first(b)
	if done || err != nil {
		return err
	}
	for {
		end, err := skipValue(b, i)
		if err != nil {
			return err
		}
		if err := fn(b[i:end]); err != nil {
			return err
		}
		if i = ws(b, end); i < len(b) && b[i] == ',' {
			i = ws(b, i+1)
			continue
		}
		return array.close(b, i)
	}
}
