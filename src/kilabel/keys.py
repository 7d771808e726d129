"""Signing identity: a local root and leaf certificate that C2PA accepts, or an organisation's own.

The leaf is not a CA, has digitalSignature, extended key usage emailProtection and an authority
key identifier (c2pa refuses a root CA as signer). Key files are written readable by the owner only.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from kilabel.errors import SigningError

ROOT_CERT, ROOT_KEY = "root-ca.pem", "root-ca.key"
CHAIN, KEY = "signer-chain.pem", "signer.key"
PASSPHRASE_ENV = "KILABEL_KEY_PASSPHRASE"


@dataclass
class Identity:
    chain_pem: bytes
    key_pem: bytes  # unencrypted PKCS#8, in memory only
    alg: str  # es256 | es384 | es512 | ps256 | ed25519
    organisation: str
    common_name: str
    fingerprint: str  # SHA-256 of the leaf certificate (DER), hex
    not_after: datetime.datetime
    root_pem: bytes | None = None  # own root, if the identity was made here


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def init(
    org: str, keys_dir: Path, *, years: int = 30, force: bool = False, common_name: str = ""
) -> Identity:
    """Create a local root CA and a leaf signing certificate for `org`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    if not org.strip():
        raise SigningError("keys init: the organisation name must not be empty (--org)")
    if (keys_dir / CHAIN).exists() and not force:
        raise SigningError(f"{keys_dir}: a signing identity exists already (use --force to replace it)")
    now = datetime.datetime.now(datetime.UTC)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{org} kilabel Root CA"),
        ]
    )
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365 * (years + 5)))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf_name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name or f"{org} kilabel Signer"),
        ]
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(leaf_name)
        .issuer_name(root_name)
        .public_key(leaf_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False
        )
        .sign(root_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    pkcs8 = serialization.PrivateFormat.PKCS8
    none = serialization.NoEncryption()
    keys_dir.mkdir(parents=True, exist_ok=True)
    (keys_dir / ROOT_CERT).write_bytes(root.public_bytes(pem))
    _write_private(keys_dir / ROOT_KEY, root_key.private_bytes(pem, pkcs8, none))
    (keys_dir / CHAIN).write_bytes(leaf.public_bytes(pem) + root.public_bytes(pem))
    _write_private(keys_dir / KEY, leaf_key.private_bytes(pem, pkcs8, none))
    return load(keys_dir)


def _load_key(data: bytes, passphrase: str | None, where: str):
    from cryptography.hazmat.primitives import serialization

    try:
        return serialization.load_pem_private_key(data, password=passphrase.encode() if passphrase else None)
    except TypeError as exc:  # encrypted but no passphrase, or the reverse
        if passphrase:
            raise SigningError(f"{where}: the key is not encrypted; do not give a passphrase") from exc
        raise SigningError(
            f"{where}: the private key is passphrase-protected; set {PASSPHRASE_ENV} or use --passphrase-file"
        ) from exc
    except ValueError as exc:
        raise SigningError(
            f"{where}: cannot read the private key (wrong passphrase or not a PEM key)"
        ) from exc


def _alg_for(key) -> str:
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    if isinstance(key, ec.EllipticCurvePrivateKey):
        return {"secp256r1": "es256", "secp384r1": "es384", "secp521r1": "es512"}.get(key.curve.name, "")
    if isinstance(key, rsa.RSAPrivateKey):
        return "ps256"
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return "ed25519"
    return ""


def _check_chain(chain_pem: bytes, key, where: str):
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        certs = x509.load_pem_x509_certificates(chain_pem)
    except ValueError as exc:
        raise SigningError(f"{where}: not a PEM certificate chain") from exc
    leaf = certs[0]
    pub = serialization.PublicFormat.SubjectPublicKeyInfo
    der = serialization.Encoding.DER
    if leaf.public_key().public_bytes(der, pub) != key.public_key().public_bytes(der, pub):
        raise SigningError(f"{where}: the private key does not belong to the first certificate of the chain")
    try:
        bc = leaf.extensions.get_extension_for_class(x509.BasicConstraints).value
        if bc.ca:
            raise SigningError(f"{where}: the signing certificate is a CA; C2PA needs a leaf certificate")
    except x509.ExtensionNotFound:
        pass
    try:
        ku = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
        if not ku.digital_signature:
            raise SigningError(f"{where}: the certificate lacks key usage digitalSignature")
    except x509.ExtensionNotFound:
        pass
    return leaf


def load(keys_dir: Path, passphrase: str | None = None) -> Identity:
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID

    chain_path, key_path = keys_dir / CHAIN, keys_dir / KEY
    if not chain_path.exists() or not key_path.exists():
        raise SigningError(
            f'{keys_dir}: no signing identity (run: kilabel keys init --org "Your organisation")'
        )
    passphrase = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV) or None
    chain_pem = chain_path.read_bytes()
    key = _load_key(key_path.read_bytes(), passphrase, str(key_path))
    leaf = _check_chain(chain_pem, key, str(chain_path))
    alg = _alg_for(key)
    if not alg:
        raise SigningError(f"{key_path}: unsupported key type (use EC P-256/384/521, RSA or Ed25519)")

    def name(oid) -> str:
        attrs = leaf.subject.get_attributes_for_oid(oid)
        return str(attrs[0].value) if attrs else ""

    from cryptography.hazmat.primitives import hashes

    root_path = keys_dir / ROOT_CERT
    return Identity(
        chain_pem=chain_pem,
        key_pem=key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
        alg=alg,
        organisation=name(NameOID.ORGANIZATION_NAME),
        common_name=name(NameOID.COMMON_NAME),
        fingerprint=leaf.fingerprint(hashes.SHA256()).hex(),
        not_after=leaf.not_valid_after_utc,
        root_pem=root_path.read_bytes() if root_path.exists() else None,
    )


def import_identity(cert: Path, key: Path, keys_dir: Path, passphrase: str | None = None) -> Identity:
    """Take an organisation's PEM chain (leaf first) and key; the key is stored as given."""
    try:
        chain_pem, key_pem = cert.read_bytes(), key.read_bytes()
    except OSError as exc:
        raise SigningError(f"keys import: cannot read {exc.filename}: {exc.strerror}") from exc
    key_obj = _load_key(key_pem, passphrase, str(key))
    _check_chain(chain_pem, key_obj, str(cert))
    if not _alg_for(key_obj):
        raise SigningError(f"{key}: unsupported key type (use EC P-256/384/521, RSA or Ed25519)")
    keys_dir.mkdir(parents=True, exist_ok=True)
    for stale in (ROOT_CERT, ROOT_KEY):
        if (keys_dir / stale).exists():
            shutil.move(keys_dir / stale, keys_dir / f"{stale}.replaced")
    (keys_dir / CHAIN).write_bytes(chain_pem)
    _write_private(keys_dir / KEY, key_pem)
    return load(keys_dir, passphrase)


def ensure(keys_dir: Path, organisation: str = "") -> tuple[Identity, bool]:
    """The identity in keys_dir, creating a local one on first use; returns (identity, created)."""
    if (keys_dir / CHAIN).exists():
        return load(keys_dir), False
    return init(organisation or "kilabel (lokal)", keys_dir), True


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
