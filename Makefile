# quhua — two commands on a fresh machine: `make demo` and `make test`.
SWIFT ?= swift
BIN = .build/debug/quhua
DEMO_OUT ?= out/demo

.PHONY: bootstrap build test demo serve bench clean

bootstrap:
	@bash Tools/bootstrap.sh

build: bootstrap
	$(SWIFT) build

test: bootstrap
	$(SWIFT) test
	@if command -v ogrinfo >/dev/null; then $(SWIFT) build --product quhua && bash Tools/interop/convert-frames.sh $(BIN); \
	else echo "skipping Tools/interop/convert-frames.sh: GDAL's ogrinfo is not installed"; fi
	$(SWIFT) build --product quhua
	bash Tools/serve-checks.sh $(BIN) out/serve-checks
	bash Tools/report-checks.sh $(BIN) out/report-checks

demo: build
	@bash Tools/demo.sh $(BIN) $(DEMO_OUT)

# The server on the shipped data with the clean sample survey, for clicking around (Ctrl-C stops).
serve: build
	QUHUA_GEODATA=$(CURDIR)/GeoData $(BIN) serve --db out/serve/gazetteer.sqlite --survey GeoData/samples/clean

clean:
	rm -rf .build out
