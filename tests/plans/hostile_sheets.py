"""Excel files made to do harm, built by hand so the tests need no gigabyte on disk.

`zip_of` writes a zip archive from members that are already deflated, so a member that
unpacks to 1.1 GB is made from one deflated megabyte repeated (a full flush makes every
repeat identical), exactly as a real zip bomb is made.
"""

import io
import struct
import zlib
from dataclasses import dataclass

import openpyxl

MEGABYTE = 1 << 20


@dataclass(frozen=True)
class Member:
    name: str
    deflated: bytes
    crc: int
    size: int


def deflated(data: bytes) -> Member:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    return Member("", packed, zlib.crc32(data), len(data))


def repeated(head: bytes, block: bytes, times: int, tail: bytes) -> Member:
    """head + block × times + tail, deflated without ever holding the whole."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)]
    packed_block = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    parts.append(packed_block * times)
    parts.append(compressor.compress(tail) + compressor.flush())
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    return Member("", b"".join(parts), crc, len(head) + len(block) * times + len(tail))


def zip_of(members: dict[str, Member]) -> bytes:
    out = io.BytesIO()
    central = []
    for name, member in members.items():
        encoded = name.encode()
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                0,
                8,
                0,
                0x21,
                member.crc,
                len(member.deflated),
                member.size,
                len(encoded),
                0,
            )  # fmt: skip
        )
        out.write(encoded + member.deflated)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                member.crc,
                len(member.deflated),
                member.size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )  # fmt: skip
            + encoded
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(directory), start, 0
        )
    )
    return out.getvalue()


def parts_of(workbook_bytes: bytes) -> dict[str, Member]:
    """The members of a real workbook, deflated again by hand."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(workbook_bytes)) as archive:
        return {name: deflated(archive.read(name)) for name in archive.namelist()}


def small_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Åtgärder"
    workbook.active.append(["Åtgärds-id", "Åtgärd"])
    workbook.active.append(["Å1", "Grannsamverkan"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def shared_strings_bomb(unpacked_megabytes: int = 1100) -> bytes:
    """A 1 MB workbook whose shared strings unpack to `unpacked_megabytes` MB."""
    parts = parts_of(small_workbook())
    head = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'  # noqa: E501
    parts["xl/sharedStrings.xml"] = repeated(
        head, b"A" * MEGABYTE, unpacked_megabytes, b"</t></si></sst>"
    )
    return zip_of(parts)


def sheet_of_rows(rows: int) -> bytes:
    """A workbook whose one sheet has `rows` rows of inline strings (no shared strings)."""
    parts = parts_of(small_workbook())
    xml = io.StringIO()
    xml.write(
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B1"/><sheetData>'  # noqa: E501
    )
    for row in range(1, rows + 1):
        xml.write(
            f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>Å{row}</t></is></c>'
            f'<c r="B{row}" t="inlineStr"><is><t>x</t></is></c></row>'
        )
    xml.write("</sheetData></worksheet>")
    parts["xl/worksheets/sheet1.xml"] = deflated(xml.getvalue().encode())
    return zip_of(parts)


def with_doctype() -> bytes:
    """A workbook whose sheet declares entities (a "billion laughs" starts like this)."""
    import zipfile

    parts = parts_of(small_workbook())
    with zipfile.ZipFile(io.BytesIO(small_workbook())) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    declaration = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>'
    if sheet.startswith(b"<?xml"):
        end = sheet.index(b"?>") + 2
        sheet = sheet[:end] + declaration + sheet[end:]
    else:
        sheet = declaration + sheet
    parts["xl/worksheets/sheet1.xml"] = deflated(sheet)
    return zip_of(parts)
