# The two commands of README.md. Each installs whatever is missing first.
.PHONY: serve test build bench

serve:
	scripts/serve

test:
	scripts/test

build:
	scripts/setup
	scripts/build

bench:
	scripts/bench
