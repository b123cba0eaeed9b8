module example.invalid/bynder-go-example

go 1.22
