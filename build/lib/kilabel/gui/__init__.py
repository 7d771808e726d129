"""The desktop window. Qt is imported only inside this package; the core never imports it."""
