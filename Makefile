# quhua — two commands on a fresh machine: `make demo` and `make test`.
SWIFT ?= swift
BIN = .build/debug/quhua
DEMO_OUT ?= out/demo

.PHONY: bootstrap build test demo bench clean

bootstrap:
	@bash Tools/bootstrap.sh

build: bootstrap
	$(SWIFT) build

test: bootstrap
	$(SWIFT) test

demo: build
	@bash Tools/demo.sh $(BIN) $(DEMO_OUT)

clean:
	rm -rf .build out
