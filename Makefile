# The two commands of README.md. Each installs whatever is missing first.
.PHONY: serve test build bench size-profile catalogue fresh-check

serve:
	scripts/serve

test:
	scripts/test

# `make build CATALOGUE=next.json` builds the page for another list.
build:
	scripts/setup
	scripts/build $(if $(CATALOGUE),--catalogue $(CATALOGUE),)

bench:
	scripts/bench

size-profile:
	scripts/size-profile

# What a new machine meets: make build, make serve and make test in a clean clone of HEAD, with an
# empty cargo registry and npm cache (the installed binaries linked in).
fresh-check:
	scripts/fresh-check

# After editing seeds/jining-hitech-2022.json: pack the page's copy (src/codec/catalogue/page.bin).
catalogue:
	cargo run --quiet --locked --example pack_catalogue
