# The two commands of README.md. Each installs whatever is missing first.
.PHONY: serve test build bench size-profile catalogue

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

# After editing seeds/jining-hitech-2022.json: pack the page's copy (src/catalogue/page.bin).
catalogue:
	cargo run --quiet --locked --example pack_catalogue
