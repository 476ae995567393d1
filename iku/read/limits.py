"""Every limit on what the tool reads, in one place (README, section "Keamanan"). Read at call time, so tests
lower them with monkeypatch.setattr(limits, ...)."""

MB = 1024 * 1024

MAX_FILE_BYTES = 20 * MB  # a workbook larger than this on disk is refused before it is read
MAX_MEMBERS = 2_000  # parts inside the .xlsx (a zip archive); Excel writes a few dozen
MAX_UNCOMPRESSED_BYTES = 250 * MB  # all parts together once unpacked, as declared and as really unpacked
MAX_RATIO = 200  # unpacked size / packed size of one part, for parts larger than RATIO_FLOOR_BYTES
RATIO_FLOOR_BYTES = 1 * MB

MAX_COLUMNS = 100  # a value right of column CV on a sheet the tool reads is an error naming the cell
MAX_FORM_ROWS = 5_000  # rows of a form sheet (Identitas, Realisasi, Anggaran, Pegawai, ...)
MAX_DATA_ROWS = 150_000  # rows of a data sheet (SKM, Pelayanan, ...)
# Cells (rows x columns up to the last value) of all form sheets together, and of all data sheets together:
# what bounds memory, whatever the file's size on disk.
MAX_FORM_CELLS = 200_000
MAX_DATA_CELLS = 3_000_000

MAX_PROBLEMS_SHOWN = 50  # messages printed for one workbook; the rest are counted
