# Tangkapan layar yang dibaca di mesin bot sendiri (OCR): pemeriksaan, laporan, dan kartu kasus.

check-screenshot-reading = 📷 Sedang membaca tangkapan layar Anda… Jawabannya muncul di sini dalam beberapa detik.
check-screenshot-reading-album = 📷 Sedang membaca tangkapan layar Anda… Jawabannya muncul di sini dalam beberapa detik.
check-screenshot-read = 📷 Saya membaca { $chars } huruf dan angka dari { $screenshots ->
        [1] tangkapan layar Anda
       *[other] { $screenshots } tangkapan layar
    } (beberapa bisa salah baca).
check-screenshot-caption-only = 📷 Saya tidak bisa membaca teks di gambar, jadi ini hanya tentang keterangannya (caption).
check-screenshot-no-text = 📷 Saya tidak menemukan teks yang bisa dibaca di gambar ini. Tempel teks tawarannya, atau tetap laporkan — petugas akan melihat gambarnya sendiri.
check-screenshot-unreadable = 📷 Gambar ini tidak bisa saya buka. Kirim sebagai foto biasa (atau file JPG atau PNG), atau tempel teks tawarannya.
check-screenshot-too-large = 📷 Gambar itu terlalu besar untuk saya baca (batasnya 10 MB). Kirim tangkapan layar yang lebih kecil, atau tempel teksnya.
check-screenshot-wrong-file = 📷 Saya hanya bisa membaca gambar: kirim tangkapan layar sebagai foto (atau file JPG atau PNG), atau tempel teks tawarannya.
check-button-report-anyway = 📝 Tetap laporkan

report-offer-reading = 📷 Sedang membaca teks di { $count ->
        [1] tangkapan layar Anda
       *[other] { $count } tangkapan layar Anda
    }…
report-summary-read = { $chars } huruf dan angka terbaca dari { $screenshots } tangkapan layar
report-summary-read-nothing = tidak ada teks yang terbaca dari { $screenshots } tangkapan layar (petugas akan melihatnya)

card-read-text = Teks yang dibaca dari tangkapan layar (oleh bot, mungkin ada huruf yang salah baca)
card-read-identifiers = Kontak yang terlihat di tangkapan layar (belum dikonfirmasi pelapor)
