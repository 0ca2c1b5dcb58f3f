"""Benchmarks, audits and the loopback server: run by people, never by the build."""
