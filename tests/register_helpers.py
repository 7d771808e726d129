"""Test data for the register tests (imported by test_register*.py, test_credits*.py)."""

from __future__ import annotations

from kilabel.register.store import Entry


def entry(n: int = 1, **kw) -> Entry:
    """A complete entry for image n; keyword arguments override fields."""
    base = dict(
        register_id=f"KL-{n}",
        input_name=f"motiv{n}.jpg",
        input_path=f"/in/motiv{n}.jpg",
        input_sha256=f"{n:064x}",
        output_name=f"motiv{n}-web.jpg",
        output_path=f"/out/motiv{n}-web.jpg",
        output_sha256=f"{n + 1000:064x}",
        label_text="KI-generiert",
        profile_id="web",
        source_type="trainedAlgorithmicMedia",
        ai_system="Midjourney",
        ai_version="6.1",
        prompt=f"Prompt {n}",
        campaign="Buchstadt",
        operator="Erika",
    )
    base.update(kw)
    return Entry(**base)
