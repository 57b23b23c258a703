# The two set-up commands on a fresh Debian machine are `make run` and `make test`;
# both install what is missing first (see `deps`).
SWIFT      ?= swift
PREFIX     ?= /usr/local
RELEASE     = -c release --static-swift-stdlib
# Warnings are problems to fix: tests build with them as errors.
STRICT      = -Xswiftc -warnings-as-errors
BIN_DEBUG   = .build/debug/learnerpower
BIN_RELEASE = .build/release/learnerpower
ARGS       ?=

.PHONY: all deps build release run test test-python lint format bench install uninstall clean completions

all: build

# Installs the C library and tools the build and tests need, only when they are missing.
deps:
	@./.ci/deps.sh

build: deps
	$(SWIFT) build $(STRICT)

release: deps
	$(SWIFT) build $(RELEASE)

run: release
	$(BIN_RELEASE) $(ARGS)

test: deps lint
	$(SWIFT) build $(STRICT) --build-tests
	LEARNERPOWER_BIN=$(CURDIR)/$(BIN_DEBUG) $(SWIFT) test --skip-build --parallel --num-workers 2
	@$(MAKE) --no-print-directory test-python

# Schema validation of the JSON the app writes (Python's jsonschema).
test-python:
	@if ls Tests/schema/*.py >/dev/null 2>&1; then \
	  LEARNERPOWER_BIN=$(CURDIR)/$(BIN_DEBUG) python3 -m pytest -q Tests/schema; \
	fi

# The house style (.swift-format: 2-space indent, 100 columns); `make format` applies it.
lint:
	$(SWIFT) format lint --strict -r Sources Tests

format:
	$(SWIFT) format -i -r Sources Tests

bench: release
	@./.ci/bench.sh $(CURDIR)/$(BIN_RELEASE)

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/learnerpower/themes
	install -m 755 $(BIN_RELEASE) $(DESTDIR)$(PREFIX)/bin/learnerpower
	install -m 644 themes/*.toml $(DESTDIR)$(PREFIX)/share/learnerpower/themes/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/learnerpower
	rm -rf $(DESTDIR)$(PREFIX)/share/learnerpower

completions: build
	@mkdir -p .build/completions
	$(BIN_DEBUG) --generate-completion-script bash > .build/completions/learnerpower.bash
	$(BIN_DEBUG) --generate-completion-script zsh > .build/completions/_learnerpower
	$(BIN_DEBUG) --generate-completion-script fish > .build/completions/learnerpower.fish

clean:
	rm -rf .build
