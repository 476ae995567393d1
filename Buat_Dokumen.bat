@echo off
rem Klik dua kali: menyiapkan Python (sekali saja), membuat dokumen dari setiap buku kerja di input\,
rem lalu membuka folder output\. Jendela tetap terbuka supaya ringkasannya dapat dibaca.
setlocal
cd /d "%~dp0"

if exist ".venv\Scripts\python.exe" goto siap

set "PY="
where py >nul 2>nul && set "PY=py -3"
if not defined PY where python >nul 2>nul && set "PY=python"
if not defined PY goto tanpa_python

echo Menyiapkan lingkungan Python untuk pertama kali. Tunggu beberapa menit...
rem 3 = Python terlalu lama; kode lain = bukan Python sungguhan (misalnya pintasan Microsoft Store).
%PY% -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 3)"
if errorlevel 4 goto tanpa_python
if errorlevel 3 goto python_lama
if errorlevel 1 goto tanpa_python
%PY% -m venv .venv
if errorlevel 1 goto gagal_pasang
".venv\Scripts\python.exe" -m pip install -q -e .
if errorlevel 1 goto gagal_pasang

:siap
".venv\Scripts\python.exe" generate.py %*
set "HASIL=%ERRORLEVEL%"
if exist "output\" start "" explorer "%~dp0output"
echo.
pause
exit /b %HASIL%

:tanpa_python
echo Python belum terpasang (pintasan "python" dari Microsoft Store tidak cukup). Pasang Python 3.11 atau lebih baru dari https://www.python.org/downloads/
echo dan centang "Add python.exe to PATH" pada layar pertama pemasangan, lalu klik dua kali berkas ini lagi.
pause
exit /b 1

:python_lama
echo Python di komputer ini lebih lama dari 3.11. Pasang Python 3.11 atau lebih baru dari
echo https://www.python.org/downloads/ lalu klik dua kali berkas ini lagi.
pause
exit /b 1

:gagal_pasang
echo Pemasangan gagal; pesan di atas menyebut sebabnya, misalnya tidak ada sambungan internet.
echo Folder .venv yang belum lengkap dihapus; klik dua kali berkas ini lagi setelah masalahnya diatasi.
if exist ".venv" rmdir /s /q ".venv"
pause
exit /b 1
