"""Files as other producers make them, built with the C2PA SDK itself (not with kilabel's signing
code): a plain foreign manifest, a CAWG X.509 identity assertion, a manifest stored at a URL, a
tampered file, an unknown signature algorithm, XMP that contradicts a valid manifest, and odd
images without any manifest."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import c2pa
from PIL import Image

from kilabel import keys
from kilabel.pipeline import metadata
from kilabel.pipeline.metadata import LabelRecord
from kilabel.provenance import Provenance

GENERATED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"


def foreign_manifest(source_type: str = GENERATED, ai_system: str = "Adobe Firefly") -> dict:
    return {
        "claim_generator_info": [{"name": "other-producer", "version": "2.1"}],
        "title": "motif.jpg",
        "assertions": [
            {
                "label": "c2pa.actions",
                "data": {
                    "actions": [
                        {
                            "action": "c2pa.created",
                            "digitalSourceType": source_type,
                            "softwareAgent": {"name": ai_system, "version": "3"},
                        }
                    ]
                },
            }
        ],
    }


def producer(folder: Path, org: str = "Fremde Agentur") -> keys.Identity:
    """A signing identity of another producer (its own root, not on the test's trust list)."""
    return keys.ensure(folder / f"keys-{org.replace(' ', '-')}", org)[0]


def _signer(ident: keys.Identity):
    return c2pa.Signer.from_info(
        c2pa.C2paSignerInfo(ident.alg.encode(), ident.chain_pem, ident.key_pem, None)
    )


def jpeg(path: Path, size=(320, 200), colour=(90, 140, 200), xmp: bytes | None = None) -> Path:
    img = Image.new("RGB", size, colour)
    for x in range(0, size[0], 16):  # some structure, so re-encoding changes bytes
        img.paste((x % 255, 80, 160), (x, 0, x + 8, size[1]))
    img.save(path, quality=90, **({"xmp": xmp} if xmp else {}))
    return path


def sign_foreign(src: Path, dst: Path, ident: keys.Identity, manifest: dict | None = None) -> bytes:
    builder = c2pa.Builder.from_json(manifest or foreign_manifest())
    with open(src, "rb") as s, open(dst, "w+b") as d:
        return builder.sign(_signer(ident), "image/jpeg", s, d)


def plain_foreign(folder: Path) -> Path:
    src = jpeg(folder / "foreign-src.jpg")
    sign_foreign(src, folder / "foreign.jpg", producer(folder))
    return folder / "foreign.jpg"


def with_identity(folder: Path) -> Path:
    """A manifest with a CAWG X.509 identity assertion whose credential is on no trust list.

    The Python layer refuses a Builder whose only signer comes from the settings ("No signer
    provided"); the native library writes the identity assertion when that check is passed over.
    """
    ident, person = producer(folder), producer(folder, "Erika Mustermann")
    settings = {
        "signer": {
            "local": {
                "alg": ident.alg,
                "sign_cert": ident.chain_pem.decode(),
                "private_key": ident.key_pem.decode(),
                "tsa_url": None,
            }
        },
        "cawg_x509_signer": {
            "local": {
                "alg": person.alg,
                "sign_cert": person.chain_pem.decode(),
                "private_key": person.key_pem.decode(),
                "tsa_url": None,
                "referenced_assertions": ["c2pa.actions"],
            }
        },
    }
    builder = c2pa.Builder.from_json(foreign_manifest(), c2pa.Context.from_dict(settings))
    builder._has_context_signer = (
        True  # the context has a signer; the Python check only counts Signer objects
    )
    src, out = jpeg(folder / "identity-src.jpg"), folder / "identity.jpg"
    with open(src, "rb") as s, open(out, "w+b") as d:
        builder.sign("image/jpeg", s, d)
    return out


def remote(folder: Path, url: str) -> tuple[Path, bytes]:
    """A file whose manifest lives at `url` (not embedded); returns it and the manifest's bytes."""
    builder = c2pa.Builder.from_json(foreign_manifest())
    builder.set_no_embed()
    builder.set_remote_url(url)
    src, out = jpeg(folder / "remote-src.jpg"), folder / "remote.jpg"
    with open(src, "rb") as s, open(out, "w+b") as d:
        manifest = builder.sign(_signer(producer(folder)), "image/jpeg", s, d)
    return out, manifest


def tampered(signed: Path, out: Path) -> Path:
    data = bytearray(signed.read_bytes())
    data[-200] ^= 0x55  # a byte of the image data, after signing
    out.write_bytes(bytes(data))
    return out


def unknown_algorithm(signed: Path, out: Path) -> Path:
    """The claim signature's COSE algorithm set to -9, which no C2PA validator knows."""
    data = bytearray(signed.read_bytes())
    at = data.find(b"\xd2\x84\x59")  # COSE_Sign1 tag, array of 4, protected header (2-byte length)
    assert at > 0 and data[at + 5 : at + 7] == b"\xa2\x01", "no ES256 protected header found"
    data[at + 7] = 0x28  # CBOR -9
    out.write_bytes(bytes(data))
    return out


def contradicting_xmp(folder: Path) -> Path:
    """XMP says 'digital capture, no AI'; the valid manifest says fully AI-generated."""
    xmp = metadata.build_xmp(
        Provenance(source_type="digitalCapture", ai_system="Kamera"), LabelRecord(), "Foto"
    )
    src = jpeg(folder / "contra-src.jpg", xmp=xmp)
    sign_foreign(src, folder / "contra.jpg", producer(folder))
    return folder / "contra.jpg"


def xmp_only(folder: Path) -> Path:
    xmp = metadata.build_xmp(
        Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney"), LabelRecord(), "KI"
    )
    return jpeg(folder / "xmp-only.jpg", xmp=xmp)


def odd_images(folder: Path) -> dict[str, Path]:
    """Images at the edges of what Pillow and the C2PA SDK read, none with a manifest."""
    out: dict[str, Path] = {}
    Image.new("RGB", (64, 48), (200, 10, 10)).save(folder / "plain.tif")
    b = bytearray((folder / "plain.tif").read_bytes())
    ifd = struct.unpack("<I", b[4:8])[0]
    n = struct.unpack("<H", b[ifd : ifd + 2])[0]
    b[ifd + 2 + 12 * n : ifd + 6 + 12 * n] = struct.pack("<I", ifd)  # next IFD = itself: a loop
    out["ifd-loop.tif"] = folder / "ifd-loop.tif"
    out["ifd-loop.tif"].write_bytes(bytes(b))
    out["subfiles.tif"] = folder / "subfiles.tif"
    Image.new("RGB", (64, 48), (10, 200, 10)).save(
        out["subfiles.tif"],
        save_all=True,
        append_images=[Image.new("L", (32, 24), 128), Image.new("1", (16, 12))],
    )
    gain = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" hdrgm:Version="1.0"/></rdf:RDF></x:xmpmeta>'
    out["gain-map.jpg"] = folder / "gain-map.jpg"
    Image.new("RGB", (64, 48), (10, 10, 200)).save(
        out["gain-map.jpg"],
        format="MPO",
        save_all=True,
        append_images=[Image.new("RGB", (32, 24), 90)],
        xmp=gain,
    )
    out["cmyk.jpg"] = folder / "cmyk.jpg"
    Image.new("CMYK", (64, 48), (0, 50, 100, 0)).save(out["cmyk.jpg"])
    out["16bit.png"] = folder / "16bit.png"
    Image.new("I;16", (64, 48), 30000).save(out["16bit.png"])
    exif = Image.Exif()
    exif[0x0131] = 42  # Software as a number
    out["software-int.tif"] = folder / "software-int.tif"
    Image.new("RGB", (64, 48)).save(out["software-int.tif"], exif=exif)
    # a PNG that declares 300 megapixels (beyond Pillow's default limit) and holds almost nothing
    ihdr = struct.pack(">IIBBBBB", 20000, 15000, 8, 2, 0, 0, 0)
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    out["300mp.png"] = folder / "300mp.png"
    out["300mp.png"].write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
    return out


def unreadable(folder: Path) -> dict[str, Path]:
    """Files no reader can use: truncated, empty, garbage behind a PNG signature."""
    buf = io.BytesIO()
    Image.new("RGB", (64, 48)).save(buf, "JPEG")
    out = {
        "truncated.jpg": folder / "truncated.jpg",
        "empty.jpg": folder / "empty.jpg",
        "garbage.png": folder / "garbage.png",
    }
    out["truncated.jpg"].write_bytes(buf.getvalue()[:300])
    out["empty.jpg"].write_bytes(b"")
    out["garbage.png"].write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50)
    return out
