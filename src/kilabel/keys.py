"""Signing identity: a local root and leaf certificate that C2PA accepts, or an organisation's own.

The leaf is not a CA, has digitalSignature, extended key usage emailProtection and an authority
key identifier (c2pa refuses a root CA as signer).

Files and folder, whatever the umask: the keys folder is 0700, key files 0600, certificates 0644
(the own root-ca.pem is a trust anchor for verify, so nobody else may write it); every file is
written to a temporary name and renamed into place, the chain last, so an identity is there
whole or not at all. Creating one holds a lock file in the keys folder (fcntl or msvcrt), so two
first exports starting at once make one identity, never two. On Windows the POSIX modes do not
apply (os.chmod only sets the read-only flag): the keys live in the user's profile
(%LOCALAPPDATA%), whose ACL gives access to that user, SYSTEM and Administrators only.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kilabel.errors import SigningError

ROOT_CERT, ROOT_KEY = "root-ca.pem", "root-ca.key"
CHAIN, KEY = "signer-chain.pem", "signer.key"
PASSPHRASE_ENV = "KILABEL_KEY_PASSPHRASE"
LOCK = ".lock"
DIR_MODE, PRIVATE_MODE, PUBLIC_MODE = 0o700, 0o600, 0o644


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


def _secure_dir(keys_dir: Path) -> None:
    """Create the keys folder (and missing parents without group/other write) and make it 0700."""
    from kilabel import paths

    paths.make_dirs(keys_dir, DIR_MODE)
    if sys.platform != "win32":  # Windows: the user's profile ACL applies (module docstring)
        os.chmod(keys_dir, DIR_MODE)


def _write_file(path: Path, data: bytes, mode: int) -> None:
    """Write to a unique temporary file in the same folder with `mode` (not the umask's), then rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if sys.platform != "win32":
                os.fchmod(f.fileno(), mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_private(path: Path, data: bytes) -> None:
    _write_file(path, data, PRIVATE_MODE)


def _write_public(path: Path, data: bytes) -> None:
    _write_file(path, data, PUBLIC_MODE)


@contextlib.contextmanager
def _locked(keys_dir: Path):
    """An exclusive lock on keys_dir/.lock, across processes; blocks until it is free."""
    _secure_dir(keys_dir)
    fd = os.open(keys_dir / LOCK, os.O_RDWR | os.O_CREAT, PRIVATE_MODE)
    try:
        if sys.platform == "win32":
            import msvcrt

            while True:  # LK_LOCK gives up after about 10 s; a slow first key generation may take longer
                try:
                    msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)  # released when fd is closed, or when the process dies
            yield
    finally:
        os.close(fd)


def _tighten(keys_dir: Path) -> None:
    """Repair the modes of a keys folder made by an older kilabel under a lax umask (own files only)."""
    if sys.platform == "win32" or not keys_dir.is_dir():
        return
    with contextlib.suppress(OSError):
        if keys_dir.stat().st_uid != os.geteuid():
            return
        if keys_dir.stat().st_mode & 0o077:
            os.chmod(keys_dir, DIR_MODE)
        for name, mode in (
            (KEY, PRIVATE_MODE),
            (ROOT_KEY, PRIVATE_MODE),
            (CHAIN, PUBLIC_MODE),
            (ROOT_CERT, PUBLIC_MODE),
        ):
            path = keys_dir / name
            if path.exists() and path.stat().st_mode & 0o777 & ~mode:
                os.chmod(path, mode)


def _existing(keys_dir: Path) -> bool:
    return (keys_dir / CHAIN).exists() or (keys_dir / KEY).exists()


def init(
    org: str, keys_dir: Path, *, years: int = 30, force: bool = False, common_name: str = ""
) -> Identity:
    """Create a local root CA and a leaf signing certificate for `org`.

    An existing identity is replaced only with force=True; the check and the writing happen under
    the keys folder's lock, so a concurrent ensure() or init() never sees half of one."""
    if not org.strip():
        raise SigningError("keys init: the organisation name must not be empty (--org)")
    with _locked(keys_dir):
        if _existing(keys_dir) and not force:
            raise SigningError(f"{keys_dir}: a signing identity exists already (use --force to replace it)")
        _create(org, keys_dir, years=years, common_name=common_name)
    return load(keys_dir)


def _create(org: str, keys_dir: Path, *, years: int, common_name: str) -> None:
    """Make the root and the leaf and write them (the caller holds the lock)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

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
    # the chain last: ensure() and load() take an identity as present once the chain is there
    _write_public(keys_dir / ROOT_CERT, root.public_bytes(pem))
    _write_private(keys_dir / ROOT_KEY, root_key.private_bytes(pem, pkcs8, none))
    _write_private(keys_dir / KEY, leaf_key.private_bytes(pem, pkcs8, none))
    _write_public(keys_dir / CHAIN, leaf.public_bytes(pem) + root.public_bytes(pem))


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
    _tighten(keys_dir)
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
    with _locked(keys_dir):
        for stale in (ROOT_CERT, ROOT_KEY):
            if (keys_dir / stale).exists():
                shutil.move(keys_dir / stale, keys_dir / f"{stale}.replaced")
        _write_private(keys_dir / KEY, key_pem)
        _write_public(keys_dir / CHAIN, chain_pem)
    return load(keys_dir, passphrase)


def ensure(keys_dir: Path, organisation: str = "") -> tuple[Identity, bool]:
    """The identity in keys_dir, creating a local one on first use; returns (identity, created).

    Several processes calling this at once (two first exports) end with one identity: creation
    happens under the keys folder's lock, and whoever gets the lock second loads what the first
    made. An existing identity is never replaced here."""
    if (keys_dir / CHAIN).exists():
        return load(keys_dir), False
    with _locked(keys_dir):
        if (keys_dir / CHAIN).exists():
            return load(keys_dir), False
        if (keys_dir / KEY).exists():
            raise SigningError(
                f"{keys_dir}: holds a private key ({KEY}) but no certificate chain ({CHAIN}); "
                "restore the chain, or run: kilabel keys init --org NAME --force"
            )
        _create(organisation or "kilabel (lokal)", keys_dir, years=30, common_name="")
    return load(keys_dir), True


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
