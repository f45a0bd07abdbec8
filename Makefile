.PHONY: start test ci setup
start:  ## install everything, load demo data, run web server + worker on http://127.0.0.1:8000
	scripts/start
test:   ## quality gates + the whole test suite
	scripts/test
ci:     ## what CI runs: the test command, then the PostgreSQL + Redis suite
	.ci/run
setup:
	scripts/setup
