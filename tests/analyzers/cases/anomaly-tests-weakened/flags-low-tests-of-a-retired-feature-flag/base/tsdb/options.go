package tsdb

type Options struct {
	XOR2EncodingAllowed bool
	Encoding            string
}

func validate(o Options) error {
	if o.Encoding == "xor2" && !o.XOR2EncodingAllowed {
		return errFlag
	}
	return nil
}
