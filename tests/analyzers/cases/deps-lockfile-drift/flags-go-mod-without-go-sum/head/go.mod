module example.com/shop

go 1.22

require github.com/pkg/errors v0.9.1
require golang.org/x/text v0.14.0
