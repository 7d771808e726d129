"""Test PDFs whose placed images are not fully visible, or are not pictures: a clipped image, an
image with a soft mask (transparent corners), a rotated placement, a 1-bit logo, an 8×8 inline
image, a 14 mm picture; and LibreOffice Draw documents with a rotated and a cropped picture.
Also the pixel measurements the tests use (render before/after, the label's pixels)."""

from __future__ import annotations

import base64
import io
import math
import zlib
from pathlib import Path

import pdf_builders as pb
import pikepdf
from pikepdf import Name
from PIL import Image, ImageChops, ImageDraw, ImageFilter

MEDIA_H = pb.A4[1] + 2 * pb.BLEED
TRIM = (pb.BLEED, pb.BLEED, pb.A4[0] + pb.BLEED, pb.A4[1] + pb.BLEED)
TEXT = b"BT /F1 24 Tf 60 800 Td (Buchstadt Leipzig 2025) Tj ET\n"

CLIPPED_CM = (300.0, 0.0, 0.0, 225.0, 100.0, 400.0)  # image rect (100, 400)–(400, 625)
CLIP_RECT = (150.0, 450.0, 120.0, 100.0)  # x, y, w, h: visible (150, 450)–(270, 550)


def _save(pdf: pikepdf.Pdf, path: Path) -> Path:
    pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return path


def clipped(path: Path) -> Path:
    """A 300×225 pt image of which a 120×100 pt window inside a `re W n` clip is visible (the
    clip's corner is away from the image's corners)."""
    pdf = pikepdf.new()
    im = pb.image_xobject(pdf, pb.light_image((250, 240, 170), (320, 240)))
    x, y, w, h = CLIP_RECT
    cm = " ".join(f"{v:g}" for v in CLIPPED_CM)
    content = TEXT + f"q {x:g} {y:g} {w:g} {h:g} re W n q {cm} cm /Im0 Do Q Q\n".encode()
    pb._page(pdf, content, {"/Im0": im})
    return _save(pdf, path)


def rotated_alpha(size=(400, 300), deg=30.0, rgb=(190, 240, 250)) -> Image.Image:
    """An upright RGBA bitmap holding a picture turned by `deg`: the corners are transparent (as
    LibreOffice exports a rotated picture)."""
    w, h = size
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    # the largest rectangle of aspect 4:3 turned by deg that fits in the bitmap
    k = min(w / (4 * c + 3 * s), h / (4 * s + 3 * c))
    rw, rh = 4 * k, 3 * k
    cx, cy = w / 2, h / 2
    pts = [
        (cx + u * c - v * s, cy + u * s + v * c)
        for u, v in ((-rw / 2, -rh / 2), (rw / 2, -rh / 2), (rw / 2, rh / 2), (-rw / 2, rh / 2))
    ]
    alpha = Image.new("L", size, 0)
    ImageDraw.Draw(alpha).polygon(pts, fill=255)
    img = Image.new("RGB", size, rgb)
    img.putalpha(alpha)
    return img


def soft_masked(path: Path) -> Path:
    """An upright 300×225 pt placement of a bitmap whose /SMask leaves the corners transparent."""
    pdf = pikepdf.new()
    img = rotated_alpha()
    im = pb.image_xobject(pdf, img)
    sm = pikepdf.Stream(pdf, zlib.compress(img.getchannel("A").tobytes()))
    sm.Type, sm.Subtype, sm.Filter = Name.XObject, Name.Image, Name.FlateDecode
    sm.Width, sm.Height, sm.BitsPerComponent, sm.ColorSpace = img.width, img.height, 8, Name.DeviceGray
    im.SMask = pdf.make_indirect(sm)
    pb._page(pdf, TEXT + b"q 300 0 0 225 150 300 cm /Im0 Do Q\n", {"/Im0": im})
    return _save(pdf, path)


def stencil_masked(path: Path) -> Path:
    """An upright 300×225 pt placement whose explicit /Mask (1-bit) hides the right half and the
    bottom third (mask samples of 1 are not painted)."""
    pdf = pikepdf.new()
    im = pb.image_xobject(pdf, pb.light_image((250, 200, 220), (320, 240)))
    bits = Image.new("1", (320, 240), 1)
    ImageDraw.Draw(bits).rectangle((0, 0, 159, 159), fill=0)
    mask = pikepdf.Stream(pdf, zlib.compress(bits.tobytes()))
    mask.Type, mask.Subtype, mask.Filter = Name.XObject, Name.Image, Name.FlateDecode
    mask.Width, mask.Height, mask.ImageMask, mask.BitsPerComponent = 320, 240, True, 1
    im.Mask = pdf.make_indirect(mask)
    pb._page(pdf, TEXT + b"q 300 0 0 225 150 300 cm /Im0 Do Q\n", {"/Im0": im})
    return _save(pdf, path)


def rotated(path: Path) -> Path:
    """The brochure's 30° placement alone on a page."""
    pdf = pikepdf.new()
    im = pb.image_xobject(pdf, pb.light_image((190, 240, 250)))
    pb._page(pdf, TEXT + b"q " + pb.rotated_cm().encode() + b" /Im0 Do Q\n", {"/Im0": im})
    return _save(pdf, path)


LOGO_RECT = (60.0, 650.0, 140.0, 730.0)
SPECK_RECT = (200.0, 650.0, 260.0, 710.0)
SMALL_RECT = (300.0, 650.0, 340.0, 690.0)  # 14 mm
PHOTO_RECT = (100.0, 200.0, 400.0, 425.0)


def logos(path: Path) -> Path:
    """A 1-bit /ImageMask logo (80 pt), an 8×8 inline image (60 pt), a 14 mm picture, and one
    picture (300×225 pt)."""
    pdf = pikepdf.new()
    logo_img = Image.new("1", (64, 64), 1)
    ImageDraw.Draw(logo_img).ellipse((4, 4, 60, 60), fill=0)
    logo = pikepdf.Stream(pdf, zlib.compress(logo_img.tobytes()))
    logo.Type, logo.Subtype, logo.Filter = Name.XObject, Name.Image, Name.FlateDecode
    logo.Width, logo.Height, logo.ImageMask, logo.BitsPerComponent = 64, 64, True, 1
    small = pb.image_xobject(pdf, pb.light_image((250, 200, 220), (120, 120)))
    photo = pb.image_xobject(pdf, pb.light_image((200, 250, 200), (320, 240)))
    speck = " ".join(f"{(40 + 25 * ((i + j) % 2)):02x}{200:02x}{60:02x}" for i in range(8) for j in range(8))
    speck_hex = speck.replace(" ", "")

    def cm(r) -> str:
        return f"{r[2] - r[0]:g} 0 0 {r[3] - r[1]:g} {r[0]:g} {r[1]:g} cm"

    content = (
        TEXT
        + f"q 0.1 0.2 0.6 rg {cm(LOGO_RECT)} /Logo Do Q\n".encode()
        + f"q {cm(SPECK_RECT)} BI /W 8 /H 8 /BPC 8 /CS /RGB /F /AHx ID {speck_hex}> EI Q\n".encode()
        + f"q {cm(SMALL_RECT)} /Small Do Q\nq {cm(PHOTO_RECT)} /Photo Do Q\n".encode()
    )
    pb._page(pdf, content, {"/Logo": pdf.make_indirect(logo), "/Small": small, "/Photo": photo})
    return _save(pdf, path)


def draw_cropped_and_rotated(path: Path) -> Path:
    """A LibreOffice Draw document (A4): a picture rotated by 30° and a picture cropped to its
    middle (fo:clip), both exported by LibreOffice as it does (transparent corners, clip path)."""
    pics = []
    for img in (pb.light_image((190, 240, 250), (400, 300)), pb.light_image((250, 240, 170), (400, 300))):
        buf = io.BytesIO()
        img.save(buf, "PNG")
        pics.append(base64.b64encode(buf.getvalue()).decode())
    rot = math.radians(30)
    frames = (
        f'<draw:frame draw:name="Gedreht" svg:width="8cm" svg:height="6cm" '
        f'draw:transform="rotate ({rot:.6f}) translate (3cm 12cm)"><draw:image>'
        f"<office:binary-data>{pics[0]}</office:binary-data></draw:image></draw:frame>"
        '<draw:frame draw:name="Beschnitten" draw:style-name="gr1" svg:x="4cm" svg:y="16cm" '
        'svg:width="8cm" svg:height="6cm"><draw:image>'
        f"<office:binary-data>{pics[1]}</office:binary-data></draw:image></draw:frame>"
        '<draw:frame svg:x="2cm" svg:y="1cm" svg:width="16cm" svg:height="2cm"><draw:text-box>'
        "<text:p>Buchstadt Leipzig 2025 Lesefest</text:p></draw:text-box></draw:frame>"
    )
    crop = (
        '<style:style style:name="gr1" style:family="graphic"><style:graphic-properties\n'
        ' fo:clip="rect(2cm, 3cm, 2cm, 3cm)"/></style:style>'
    )
    return pb.write_odg(path, frames, crop)


def label_pixels(before: Image.Image, after: Image.Image) -> Image.Image:
    """Mask (mode L, 255 = changed) of the pixels the relabelling changed."""
    diff = ImageChops.difference(before.convert("RGB"), after.convert("RGB")).convert("L")
    return diff.point(lambda v: 255 if v > 24 else 0)


def picture_pixels(before: Image.Image) -> Image.Image:
    """Mask of the painted (not white-paper) pixels of a rendered page, grown by one pixel for
    anti-aliased edges."""
    gray = before.convert("RGB")
    far = ImageChops.difference(gray, Image.new("RGB", gray.size, (255, 255, 255))).convert("L")
    return far.point(lambda v: 255 if v > 12 else 0).filter(ImageFilter.MaxFilter(3))


def painted_pixels(before: Image.Image) -> Image.Image:
    """Mask of the painted (not white-paper) pixels of a rendered page, not grown: where a label
    may lie."""
    rgb = before.convert("RGB")
    far = ImageChops.difference(rgb, Image.new("RGB", rgb.size, (255, 255, 255))).convert("L")
    return far.point(lambda v: 255 if v > 12 else 0)


def box_mask(size, boxes_pt, media_h: float, grow: float = 0.0) -> Image.Image:
    """Mask of rectangles given in page points (y up) at 72 dpi, every pixel they touch, grown by
    `grow` points on each side (anti-aliased edges)."""
    m = Image.new("L", size, 0)
    d = ImageDraw.Draw(m)
    for x0, y0, x1, y1 in boxes_pt:
        left, top = math.floor(x0 - grow), math.floor(media_h - y1 - grow)
        right, bottom = math.ceil(x1 + grow) - 1, math.ceil(media_h - y0 + grow) - 1
        d.rectangle((left, top, right, bottom), fill=255)
    return m


def stray(changed: Image.Image, allowed: Image.Image) -> int:
    """How many changed pixels lie outside `allowed`."""
    outside = ImageChops.multiply(changed, ImageChops.invert(allowed))
    return sum(outside.histogram()[1:])


def count(mask: Image.Image, box_pt=None, media_h: float = MEDIA_H) -> int:
    """Changed pixels in a mask, optionally only inside a rectangle in page points (y up)."""
    if box_pt is not None:
        x0, y0, x1, y1 = box_pt
        mask = mask.crop((round(x0), round(media_h - y1), round(x1), round(media_h - y0)))
    return sum(mask.histogram()[1:])


def rect_mask(size, rects_pt, media_h: float = MEDIA_H) -> Image.Image:
    """Mask of rectangles given in page points (y up), at 72 dpi."""
    m = Image.new("L", size, 0)
    d = ImageDraw.Draw(m)
    for x0, y0, x1, y1 in rects_pt:
        d.rectangle((round(x0), round(media_h - y1), round(x1) - 1, round(media_h - y0) - 1), fill=255)
    return m


def patterned_image(size=(320, 240)) -> Image.Image:
    """A light picture with a diagonal stripe and a dot, so a mirrored or sheared placement renders
    differently from an upright one (and no pixel is paper white)."""
    img = Image.new("RGB", size, (200, 235, 250))
    d = ImageDraw.Draw(img)
    d.polygon(
        [(0, size[1]), (size[0] // 3, size[1]), (size[0], 0), (size[0] * 2 // 3, 0)], fill=(250, 220, 180)
    )
    d.ellipse((10, 10, 60, 60), fill=(230, 200, 240))
    return img


PLACED = (150.0, 300.0, 300.0, 200.0)  # x, y, w, h of the mirrored and sheared placements
SHEAR = 100.0  # the sheared placement's top edge is shifted right by this many points


def mirrored(path: Path) -> Path:
    """A picture placed mirrored left-right (`cm -w 0 0 h x+w y`): the same rectangle as an upright
    placement, with a negative determinant."""
    x, y, w, h = PLACED
    return _one_placement(path, f"{-w:g} 0 0 {h:g} {x + w:g} {y:g}")


def sheared(path: Path) -> Path:
    """A picture placed sheared (`cm w 0 s h x y`): a parallelogram whose top edge is shifted right
    by SHEAR; the largest upright rectangle inside is (x + SHEAR, y)–(x + w, y + h) (full height,
    since w·h / (2·SHEAR) ≥ h)."""
    x, y, w, h = PLACED
    return _one_placement(path, f"{w:g} 0 {SHEAR:g} {h:g} {x:g} {y:g}")


def _one_placement(path: Path, cm: str) -> Path:
    pdf = pikepdf.new()
    im = pb.image_xobject(pdf, patterned_image())
    pb._page(pdf, TEXT + f"q {cm} cm /Im0 Do Q\n".encode(), {"/Im0": im})
    return _save(pdf, path)


FORM_MATRIX = (0.5, 0.0, 0.0, 0.5, 100.0, 300.0)
FORM_BBOX = (0.0, 0.0, 400.0, 240.0)  # cuts the top 60 of the form's 400×300 picture
FORM_VISIBLE = (100.0, 300.0, 300.0, 420.0)  # the picture (100, 300)–(300, 450) cut by the BBox


def in_form(path: Path) -> Path:
    """A picture inside a Form XObject with its own /Matrix (half size, moved) and a /BBox that cuts
    off the picture's top fifth; the form is painted inside a further `cm` of the identity."""
    pdf = pikepdf.new()
    im = pb.image_xobject(pdf, patterned_image())
    form = pikepdf.Stream(pdf, b"q 400 0 0 300 0 0 cm /Pic Do Q")
    form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, pikepdf.Array(FORM_BBOX)
    form.Matrix = pikepdf.Array(FORM_MATRIX)
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Pic=im))
    pb._page(pdf, TEXT + b"q 1 0 0 1 0 0 cm /Fm0 Do Q\n", {"/Fm0": pdf.make_indirect(form)})
    return _save(pdf, path)


ROTATE90_RECT = (60.0, 500.0, 360.0, 725.0)  # the picture in the page's user space (unrotated)


def rotate90(path: Path) -> Path:
    """A page shown turned by /Rotate 90 with one picture (and a line of text)."""
    pdf = pikepdf.new()
    im = pb.image_xobject(pdf, patterned_image())
    x0, y0, x1, y1 = ROTATE90_RECT
    page = pb._page(
        pdf, TEXT + f"q {x1 - x0:g} 0 0 {y1 - y0:g} {x0:g} {y0:g} cm /Im0 Do Q\n".encode(), {"/Im0": im}
    )
    page.obj.Rotate = 90
    return _save(pdf, path)


def two_colour_picture(path: Path, space: str = "cmyk", output_intent: bool = False) -> Path:
    """A picture of a cyan and a magenta half placed upright at TWO_COLOUR_RECT, as DeviceCMYK or
    DeviceRGB, optionally with a CMYK GTS_PDFX OutputIntent (print material without a PDF/X claim)."""
    pdf = pikepdf.new()
    mode, halves = (
        ("CMYK", ((150, 20, 0, 0), (0, 160, 40, 0)))
        if space == "cmyk"
        else ("RGB", ((100, 230, 255), (255, 100, 220)))
    )
    img = Image.new(mode, (320, 240), halves[0])
    ImageDraw.Draw(img).rectangle((160, 0, 319, 239), fill=halves[1])
    im = pikepdf.Stream(pdf, zlib.compress(img.tobytes()))
    im.Type, im.Subtype, im.Filter = Name.XObject, Name.Image, Name.FlateDecode
    im.Width, im.Height, im.BitsPerComponent = img.width, img.height, 8
    im.ColorSpace = Name.DeviceCMYK if space == "cmyk" else Name.DeviceRGB
    x0, y0, x1, y1 = TWO_COLOUR_RECT
    cm = f"{x1 - x0:g} 0 0 {y1 - y0:g} {x0:g} {y0:g} cm"
    pb._page(pdf, TEXT + f"q {cm} /Im0 Do Q\n".encode(), {"/Im0": pdf.make_indirect(im)})
    if output_intent:
        dest = pikepdf.Stream(pdf, pb.ICC.read_bytes())
        dest.N = 4
        intent = pikepdf.Dictionary(
            Type=Name.OutputIntent,
            S=Name.GTS_PDFX,
            OutputConditionIdentifier=pikepdf.String("FOGRA39"),
            DestOutputProfile=pdf.make_indirect(dest),
        )
        pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
    return _save(pdf, path)


TWO_COLOUR_RECT = (150.0, 300.0, 450.0, 525.0)
