package tsdb

type Options struct {
	Encoding string
}

func validate(o Options) error {
	return nil
}
