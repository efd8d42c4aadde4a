# The two commands of README.md. Each installs whatever is missing first.
.PHONY: serve test build bench size-profile

serve:
	scripts/serve

test:
	scripts/test

build:
	scripts/setup
	scripts/build

bench:
	scripts/bench

size-profile:
	scripts/size-profile
