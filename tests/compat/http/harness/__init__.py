"""The HTTP compat harness: one scenario, two servers (apache2 and feather), the same bytes sent
to both, the answers compared. See ../README.md."""
