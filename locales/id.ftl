## Waspada — Bahasa Indonesia. Pesan bot; teks penyaringan ada di id.screening.ftl.

language-name = Bahasa Indonesia

## Perintah (tampil di menu perintah Telegram)
cmd-start = Mulai: apa yang dilakukan bot ini
cmd-help = Cara memakai Waspada
cmd-language = Ganti bahasa
cmd-privacy = Data apa yang kami simpan dan siapa yang melihatnya

## /start
start-welcome =
    Halo { $name }! 👋 Saya Waspada.

    Saya membantu Anda memeriksa apakah tawaran kerja di luar negeri aman, sebelum Anda membayar apa pun atau berangkat.
    Banyak orang dijanjikan pekerjaan seperti "customer service, tanpa pengalaman, gaji USD 1.000 sebulan, tiket ditanggung", lalu dibawa ke kompleks penipuan online di Kamboja, Myanmar, atau Laos, dan paspornya ditahan.

    Yang bisa Anda lakukan di sini:
    • Periksa tawaran: tempel atau teruskan tawarannya ke saya, saya jelaskan seberapa berisiko dan alasannya.
    • Laporkan perekrut atau tawaran, atau orang yang sudah berangkat dan mungkin dalam bahaya.

    Bot ini dijalankan oleh { $operator }. Petugas yang menerima laporan tidak pernah melihat nama atau nomor Anda kecuali Anda setuju.
    /help menjelaskan cara kerjanya, /privacy menjelaskan data yang kami simpan.
start-welcome-contact = Kontak: { $contact }

## /help
help-text =
    Cara memakai Waspada:

    • Kirim atau teruskan teks lowongan kerja, atau nomor HP, @username, atau tautan perekrut. Saya jawab dengan tingkat risiko, tanda bahaya yang saya temukan (dikutip dari teksnya), dan apa yang sebaiknya dilakukan.
    • /language — pilih Bahasa Indonesia atau English.
    • /privacy — data apa yang disimpan, berapa lama, dan siapa yang bisa melihatnya.

    Jika ada orang dalam bahaya saat ini, hubungi layanan pengaduan pekerja migran (KP2MI/BP2MI) 0800-1000 atau kedutaan besar Indonesia (KBRI) terdekat.

## /language
language-choose = Pilih bahasa Anda:
language-changed = Bahasa diganti ke Bahasa Indonesia. 🇮🇩
language-already = Bahasa Indonesia sudah menjadi bahasa Anda.

## /privacy
privacy-text =
    Privasi — apa yang disimpan Waspada dan siapa yang melihatnya

    Bot ini dijalankan oleh { $operator }.

    • Pemeriksaan: teks yang Anda kirim untuk diperiksa langsung disaring dan tidak disimpan bersama identitas Anda.
    • Pengaturan Anda: pilihan bahasa, disimpan { $sessionDays } hari setelah pesan terakhir Anda.
    • Laporan (jika Anda mengirimnya): isi tawaran, tangkapan layar, dan data perekrut disimpan paling lama { $retentionDays } hari agar petugas dapat menindaklanjuti dan menghubungkan laporan tentang perekrut yang sama.
    • Identitas Anda: akun Telegram Anda hanya disimpan sebagai kode satu arah. Kontak yang Anda berikan disimpan terenkripsi. Petugas, juga petugas penghubung di negara lain, tidak pernah melihat nama, username, atau nomor Anda kecuali Anda setuju untuk dihubungi.
    • Anda bisa meminta melihat atau menghapus data Anda kapan saja.

    Jangan pernah mengirim kata sandi atau PIN bank di sini.

## Lainnya
unhandled-text = Maaf, saya belum mengerti. Kirim teks lowongan kerja untuk diperiksa, atau ketik /help.
unhandled-group = Saya bekerja di chat pribadi: buka @{ $bot } lalu tekan Mulai.
callback-expired = Tombol ini sudah kedaluwarsa. Silakan mulai lagi dengan /start.

## Kesalahan
error-unavailable = ⏳ Waspada sedang tidak bisa dipakai sementara. Silakan coba lagi dalam satu menit.
error-generic = Maaf, terjadi kesalahan di sisi kami. Silakan coba lagi; jika terus terjadi, ketik /start.

cmd-report = Laporkan perekrut atau tawaran
cmd-myreports = Laporan saya dan statusnya
cmd-mydata = Data apa yang disimpan tentang saya
cmd-delete = Hapus data saya
cmd-cancel = Hentikan yang sedang berjalan

## Menu utama
menu-title = Apa yang ingin Anda lakukan?
menu-check = 🔍 Periksa tawaran
menu-report = 📝 Laporkan perekrut atau tawaran
menu-danger = 🆘 Ada orang dalam bahaya sekarang
menu-mine = 📂 Laporan saya
menu-safe = 🛡 Tetap aman
menu-language = 🌐 Bahasa

stay-safe =
    🛡 Sebelum berangkat kerja ke luar negeri

    • Kerja ke luar negeri yang resmi lewat pemerintah atau lewat perusahaan penempatan berizin (P3MI) yang punya izin resmi dari kementerian (SIP2MI). Cek perusahaan dan lowongannya di SISKOP2MI (situs resmi pemerintah untuk lowongan kerja luar negeri) sebelum membayar atau menandatangani apa pun.
    • Jangan pernah berangkat kerja memakai visa turis atau visa kunjungan. Anda perlu visa kerja dan kontrak tertulis sebelum berangkat.
    • Jangan pernah menyerahkan paspor Anda. Tinggalkan salinannya pada keluarga.
    • Sangat hati-hati dengan lowongan "customer service", "admin", "marketing", "typing" atau "game online" di Kamboja, Myanmar, Laos atau Thailand yang menjanjikan gaji tinggi tanpa pengalaman: banyak yang ternyata kompleks penipuan online.
    • Beri tahu keluarga dengan jelas ke mana Anda pergi: nama perusahaan, alamat, dan nomor kontak, serta sepakati jadwal telepon rutin.
    • Bantuan gratis: layanan pengaduan kementerian pelindungan pekerja migran (KP2MI, dulu BP2MI) 0800-1000, atau kedutaan besar Indonesia (KBRI) lewat Portal Peduli WNI atau aplikasi Safe Travel.

danger-intro =
    🆘 Jika ada orang dalam bahaya sekarang, minta bantuan lebih dulu:

## Periksa tawaran
check-prompt = Tempel atau teruskan tawarannya ke saya — teks pesannya, atau nomor HP, @username, atau tautan perekrut.
check-screenshot-hint = Saat ini saya hanya bisa membaca teks. Tempel teks tawarannya, atau pilih "Laporkan" di menu untuk mengirim tangkapan layar ke petugas.
check-expired = Pemeriksaan itu sudah terlalu lama untuk dilaporkan. Silakan kirim tawarannya lagi.
check-button-report = 📝 Laporkan ini
check-button-again = 🔍 Periksa yang lain
check-level-low = Risiko: RENDAH — tidak ada tanda bahaya yang kuat. Tetap cek perusahaannya sebelum membayar apa pun.
check-level-medium = Risiko: SEDANG — ada beberapa tanda bahaya. Pastikan dulu sebelum lanjut.
check-level-high = Risiko: TINGGI — ini tampak seperti perekrutan berbahaya. Jangan membayar, jangan berangkat.
check-level-critical = Risiko: SANGAT TINGGI — ini cocok dengan cara orang diperdagangkan ke kompleks penipuan online. Jangan berangkat.
check-level-name-low = rendah
check-level-name-medium = sedang
check-level-name-high = tinggi
check-level-name-critical = sangat tinggi
check-kind-warning = Teks ini tampaknya peringatan tentang penipuan, bukan tawaran kerja.
check-kind-official = Ini tampak seperti program penempatan resmi. Cek kebenarannya di situs resmi.
check-reasons-title = Alasannya:
check-no-reasons = Saya tidak menemukan tanda bahaya yang dikenal dalam teks ini.
check-identifiers-title = Kontak yang saya kenali:
check-reported-times = { $count ->
        [one] sudah pernah dilaporkan 1 kali
       *[other] sudah pernah dilaporkan { $count } kali
    }
check-not-reported = belum pernah dilaporkan
check-verdict-known_recruiter = ⚠️ petugas menandainya sebagai perekrut penipu
check-verdict-licensed_agency = ✅ petugas menandainya sebagai perusahaan berizin
check-advice-title = Yang sebaiknya dilakukan:

## Jawaban singkat atas pemeriksaan (rincian lewat tombol)
verdict-reasons-title = Alasan utama:
verdict-actions-title = Yang perlu dilakukan:
verdict-contacts-reported = { $count ->
        [one] ⚠️ 1 kontak di teks ini sudah pernah dilaporkan.
       *[other] ⚠️ { $count } kontak di teks ini sudah pernah dilaporkan.
    }
verdict-do-keep-documents = Jangan serahkan atau kirim foto paspor dan KTP Anda.
verdict-do-no-fees = Jangan membayar biaya apa pun kepada perekrut.
verdict-do-known-contact = Jangan lanjut berurusan dengan kontak yang sudah dilaporkan.
verdict-do-verify = Tanyakan perusahaannya ke Dinas Tenaga Kerja setempat sebelum membayar atau berangkat.
verdict-do-report = Laporkan perekrutnya dengan tombol di bawah agar orang lain terlindungi.
verdict-do-official = Melamar kerja ke luar negeri hanya lewat jalur resmi pemerintah.
verdict-do-ask = Ragu? Telepon gratis 0800-1000, layanan pengaduan pekerja migran.
verdict-do-share-warning = Terima kasih sudah waspada. Bagikan peringatan kepada keluarga dengan tombol di bawah.
verdict-button-why = ❓ Kenapa? ({ $count } lagi)
verdict-button-why-contacts = ❓ Kenapa? (kontak)
verdict-button-do = ✅ Apa yang harus dilakukan
verdict-button-share = 📣 Bagikan peringatan
verdict-button-up = 👍 Membantu
verdict-button-down = 👎 Tidak membantu
verdict-why-title = Semua alasan ({ $count }):
verdict-shown-already = Sudah saya kirim di atas.
verdict-expired = Pemeriksaan itu sudah lebih dari satu jam, jadi rinciannya tidak saya simpan lagi. Kirim tawarannya sekali lagi untuk diperiksa ulang.
verdict-vote-thanks = Terima kasih! Penilaian Anda sudah dicatat.
verdict-vote-already = Penilaian Anda untuk pemeriksaan ini sudah dicatat.
verdict-share-title = ⚠️ Hati-hati dengan tawaran kerja ke luar negeri seperti ini
verdict-share-signs = Tanda bahayanya:
verdict-share-do = Yang perlu dilakukan:
verdict-share-do-1 = Jangan membayar apa pun dan jangan menyerahkan paspor.
verdict-share-do-2 = Tanyakan dulu ke Dinas Tenaga Kerja setempat atau telepon gratis 0800-1000.
verdict-share-do-3 = Jangan berangkat dengan visa turis.
verdict-share-footer = Cek tawaran kerja sebelum berangkat: t.me/{ $bot }
verdict-share-intro = Ini peringatan yang bisa Anda teruskan ke grup keluarga. Isinya tidak memuat pesan Anda, nomor atau nama apa pun.

## Pesan yang bukan tawaran kerja
intent-greeting = Halo! Saya Waspada. Kirimkan tawaran kerja ke luar negeri yang Anda terima, dan saya periksa apakah aman. Atau pilih di bawah:
intent-help = Saya siap membantu. Jika ada orang dalam bahaya sekarang, tekan 🆘 di bawah. Untuk memeriksa tawaran kerja, kirimkan teksnya, tangkapan layarnya, atau nomor perekrutnya.
intent-report = Anda ingin melapor? Pilih di bawah: laporan tentang perekrut atau tawaran, atau laporan mendesak jika ada orang dalam bahaya sekarang.
intent-question = Supaya bisa menjawab aman atau tidak, saya perlu tawarannya sendiri: tempel teks lowongannya, teruskan pesannya, kirim tangkapan layarnya, atau nomor HP, @username atau tautan perekrutnya.
intent-not-job = Saya tidak menemukan tawaran kerja di pesan ini. Saya memeriksa tawaran kerja ke luar negeri: kirimkan teks, tangkapan layar, atau nomor perekrutnya. Atau pilih di bawah:
identifier-answer-title = Yang saya temukan di catatan laporan:
identifier-answer-reported = ⚠️ Sudah ada laporan tentang kontak ini. Jangan membayar atau mengirim dokumen. Jika Anda punya tawarannya, kirimkan teksnya untuk diperiksa.
identifier-answer-not-reported = Belum pernah dilaporkan — tapi itu tidak berarti aman. Perekrut sering berganti nomor. Kirimkan teks tawarannya supaya saya bisa memeriksanya.

## Kata-kata darurat
urgent-title = 🆘 Sepertinya seseorang sudah berangkat dan sedang dalam bahaya. Lakukan ini sekarang:
urgent-step-embassy = 1. Hubungi Kedutaan Besar Indonesia (KBRI) di negara itu:
urgent-step-embassy-unknown = 1. Hubungi Kedutaan Besar Indonesia (KBRI) di negara tempat dia berada, lewat Portal Peduli WNI (peduliwni.kemlu.go.id) atau aplikasi Safe Travel.
urgent-step-national = 2. Telepon layanan pengaduan pekerja migran Indonesia:
urgent-step-keep = 3. Simpan semua pesan, nomor, nama dan lokasi terakhirnya. Jangan kirim uang tebusan sebelum bicara dengan kedutaan besar Indonesia (KBRI).
urgent-step-report = 4. Tekan 🆘 di bawah untuk melapor: petugas melihatnya sebagai laporan mendesak, dan yang sudah Anda tulis ikut terbawa.
urgent-step-report-in-report = 4. Lanjutkan laporan ini. Saat ditanya apakah ada yang sudah berangkat, jawab Ya: petugas akan melihatnya sebagai laporan mendesak.
urgent-button-report = 🆘 Laporkan sekarang (mendesak)

identifier-kind-phone = Telepon
identifier-kind-whatsapp = WhatsApp
identifier-kind-telegram_handle = Telegram
identifier-kind-telegram_user_id = Akun Telegram
identifier-kind-domain = Situs web
identifier-kind-url = Tautan
identifier-kind-email = E-mail
identifier-kind-agency = Perusahaan atau agen
identifier-kind-bank_account = Rekening bank

hotline-name = { $hotline ->
        [id-kp2mi] Layanan pengaduan kementerian pelindungan pekerja migran (KP2MI, dulu BP2MI), gratis, 24 jam
        [id-kp2mi-abroad] Layanan pengaduan kementerian pelindungan pekerja migran (KP2MI) dari luar negeri
        [id-kemnaker] Layanan pengaduan Kementerian Ketenagakerjaan
        [kh-kbri-phnom-penh] Kedutaan besar Indonesia di Phnom Penh (KBRI), bagian pelindungan WNI
        [mm-kbri-yangon] Kedutaan besar Indonesia di Yangon (KBRI)
        [la-kbri-vientiane] Kedutaan besar Indonesia di Vientiane (KBRI)
        [th-kbri-bangkok] Kedutaan besar Indonesia di Bangkok (KBRI)
        [ph-kbri-manila] Kedutaan besar Indonesia di Manila (KBRI)
        [my-kbri-kuala-lumpur] Kedutaan besar Indonesia di Kuala Lumpur (KBRI)
       *[other] { $name }
    }
hotline-no-number = hubungi lewat Portal Peduli WNI (peduliwni.kemlu.go.id) atau aplikasi Safe Travel

## Laporan: umum
report-intro = Mari kita laporkan: { $steps } langkah, sekitar { $questions } pertanyaan singkat ({ $urgent } jika sudah ada yang berangkat). Tekan tombol atau ketik jawaban dengan kata-kata Anda sendiri; lewati yang tidak Anda ketahui, ⬅️ Kembali membawa ke pertanyaan sebelumnya, dan Batal (atau /cancel) menghentikan kapan saja. Tidak ada yang dikirim ke petugas sebelum Anda menekan Kirim di akhir.
report-intro-urgent = Mari kita laporkan: { $steps } langkah, sekitar { $questions } pertanyaan singkat. Tekan tombol atau ketik jawaban dengan kata-kata Anda sendiri; lewati yang tidak Anda ketahui, ⬅️ Kembali membawa ke pertanyaan sebelumnya, dan Batal (atau /cancel) menghentikan kapan saja. Tidak ada yang dikirim ke petugas sebelum Anda menekan Kirim di akhir.
report-progress = Langkah { $step }/{ $total }
report-progress-editing = ✏️ Mengubah: { $part } (lalu kembali ke ringkasan)
report-button-skip = Lewati
report-button-cancel = ✖️ Batal
report-button-back = ⬅️ Kembali
report-button-done = ✅ Selesai
report-button-continue = ✅ Lanjut
report-button-clear = 🗑 Kosongkan daftar
report-button-keep = Pakai: { $value }
report-button-send = 📤 Kirim laporan
report-button-share-location = 📍 Bagikan lokasi saya
report-button-share-phone = 📱 Bagikan nomor HP saya
report-button-old = Tombol ini milik pertanyaan sebelumnya. Silakan jawab pertanyaan terakhir.
report-button-finished = Laporan ini sudah selesai atau tidak terbuka lagi.
report-or-buttons = …atau pakai tombol:
report-use-buttons = Silakan pilih salah satu tombol di bawah.
report-not-understood = Saya tidak mengerti “{ $answer }” di sini. Silakan pilih salah satu tombol di bawah (Anda juga boleh mengetik tulisan tombolnya).
report-typed-not-here = “{ $answer }” tidak bisa dilakukan di pertanyaan ini. Silakan jawab pertanyaannya, atau pilih salah satu tombol di bawah.
report-back-none = Ini pertanyaan pertama: tidak ada pertanyaan sebelumnya. Untuk berhenti, tekan Batal.
report-wrong-input = Itu tidak bisa dipakai di sini.
report-wrong-input-text = Silakan ketik jawaban Anda sebagai teks, atau tekan Lewati.
conversation-full = Laporan ini sudah penuh: pesan terakhir Anda tidak ditambahkan. Lanjutkan dengan tombol (Selesai, lalu Kirim), atau /cancel untuk mulai dari awal.
report-too-long = Terlalu panjang ({ $length } karakter). Mohon persingkat menjadi { $max } karakter; yang sudah Anda isi sebelumnya tetap tersimpan.
report-command-during-report = Anda sedang membuat laporan. Jawab pertanyaan di bawah, atau kirim /cancel untuk berhenti.
report-cancelled = Laporan dibatalkan. Tidak ada yang dikirim atau disimpan.
report-already-running = Anda masih punya laporan yang sedang diisi: jawab pertanyaan terakhir, atau kirim /cancel untuk menghentikannya.
report-nothing-to-cancel = Tidak ada yang perlu dibatalkan.
report-noted = Dicatat. ✅
report-expired = ⌛ Laporan Anda yang belum selesai ditutup karena lama tidak ada jawaban, dan isinya tidak disimpan. Anda bisa mulai lagi kapan saja dengan /report.

## Laporan: langkah-langkah
report-who-question = Siapa yang melapor?
report-who-self = Saya yang menerima tawaran ini
report-who-family_friend = Untuk anggota keluarga atau teman
report-who-abroad = Saya sedang di luar negeri
report-who-other = Lainnya

report-offer-question = Tempel atau teruskan tawarannya (pesan, postingan), dan kirim tangkapan layar — foto atau file gambar/PDF, paling banyak { $max }. Tekan Selesai jika semuanya sudah terkirim.
report-offer-question-checked = Tawaran yang Anda periksa sudah ada di sini ({ $texts } teks, { $screenshots } tangkapan layar): tidak perlu dikirim lagi. Tambahkan tangkapan layar (paling banyak { $max }) atau pesan lain jika ada, atau tekan Selesai.
report-offer-received = Diterima: { $texts } teks dan { $screenshots } tangkapan layar (paling banyak { $max }). Kirim lagi, atau tekan Selesai.
report-offer-wrong-input = Kirim tawarannya sebagai teks, foto, atau file gambar atau PDF. Stiker, pesan suara, dan video tidak bisa dipakai — ambil tangkapan layarnya saja.
report-offer-wrong-file = Jenis file itu tidak bisa dipakai. Kirim foto, atau file JPG, PNG, WEBP, HEIC, atau PDF.
report-offer-too-large = File itu terlalu besar (batasnya 20 MB, 10 MB untuk foto). Kirim tangkapan layar yang lebih kecil.
report-offer-media-limit = Anda sudah mengirim { $max } tangkapan layar, jumlah terbanyak untuk satu laporan. Tekan Selesai untuk lanjut.
report-offer-text-limit = Itu jumlah teks terbanyak untuk satu laporan ({ $max }). Tekan Selesai untuk lanjut.

report-contacts-question = Bagaimana perekrut menghubungi Anda? Kirim nomor HP, @username, tautan, atau nama agen atau perusahaannya.
report-sender-question =
    Salah satu pesan yang Anda teruskan ditulis oleh { $sender }.
    Apakah ini perekrutnya? Akun ini hanya dimasukkan ke laporan jika Anda menjawab Ya.
report-sender-unnamed = seseorang yang namanya tidak terlihat
report-sender-yes = Ya, perekrutnya
report-sender-no = Bukan
report-contacts-found =
    Saya menemukan kontak perekrut berikut:
    { $list }

    Kirim tambahan (nomor HP, @username, tautan, nama agen), atau tekan Lanjut.
report-contacts-wrong-input = Ketik kontaknya sebagai teks (nomor HP, @username, tautan, atau nama agen).

report-destination-question = Di negara mana pekerjaan itu dijanjikan?
report-destination-question-prefilled = Di negara mana pekerjaan itu dijanjikan? Tawarannya menyebut { $country }.
country-other = Lainnya atau tidak tahu
report-city-question = Di kota atau tempat mana? (misalnya Phnom Penh, Sihanoukville, Myawaddy)
report-job-question = Pekerjaan apa yang dijanjikan?
report-salary-question = Berapa gaji yang dijanjikan? (seperti tertulis di tawaran)

report-money-question = Apakah ada uang yang diminta atau dibayar (biaya, "admin", tiket, pemeriksaan kesehatan)?
report-money-none = Tidak ada yang diminta
report-money-asked = Diminta uang
report-money-paid = Sudah membayar
report-money-detail-question = Berapa, dan kepada siapa (nama, nomor rekening, atau nomor dompet digital)?
report-passport-question = Apakah paspor atau dokumen lain diserahkan kepada perekrut?

report-departed-question = Apakah sudah ada orang yang berangkat untuk pekerjaan ini?
report-urgent-hotlines = 🆘 Laporan ini ditandai MENDESAK. Jika orangnya dalam bahaya, hubungi nomor berikut sekarang — jangan menunggu kami:
report-urgent-hotlines-place = 🆘 Bantuan di { $country }, tempat dia mungkin berada sekarang — hubungi juga langsung:
report-departed-who = Siapa dia bagi Anda? (tidak perlu nama lengkap)
relationship-child = Anak saya
relationship-spouse = Suami atau istri
relationship-sibling = Kakak atau adik
relationship-parent = Orang tua
relationship-relative = Kerabat lain
relationship-friend = Teman
relationship-self = Saya sendiri
relationship-other = Orang lain
report-departed-when = Kapan dia berangkat? (tanggal, atau "sekitar dua minggu lalu")
report-departed-last-contact = Kapan terakhir Anda mendapat kabar darinya, dan lewat apa?
report-departed-whereabouts = Di mana kira-kira dia sekarang? (kota, gedung, perusahaan — apa saja yang pernah ia ceritakan)
report-departed-can-communicate = Apakah dia masih bisa mengirim pesan atau menelepon?
report-departed-passport-taken = Apakah paspornya diambil?
report-departed-location = Jika Anda punya lokasi yang pernah ia bagikan, atau Anda sendiri orangnya dan bisa membagikan lokasi, kirim dengan tombol di bawah — atau ketik tempatnya (kota, gedung, perusahaan). Jika tidak, tekan Lewati.
report-departed-location-wrong = Bagikan lokasi dengan tombol, ketik nama tempatnya, atau tekan Lewati.

report-consent-question =
    Bolehkah petugas menghubungi Anda lewat bot ini jika mereka butuh informasi tambahan?

    Mereka akan menulis kepada Anda di sini, lewat bot. Mereka tidak melihat nama, username, atau nomor Anda, kecuali Anda juga membagikan nomor di pertanyaan berikutnya.
report-consent-yes = Ya, petugas boleh menghubungi saya
report-consent-no = Tidak, jangan hubungi saya
report-consent-phone = Anda juga boleh membagikan nomor HP dengan tombol di bawah, agar petugas bisa menelepon jika mendesak. Hanya petugas yang menangani laporan yang bisa melihatnya, dan hanya jika perlu. Jika tidak, tekan Lewati.
report-consent-phone-wrong = Gunakan tombol untuk membagikan nomor Anda sendiri, atau tekan Lewati.
report-consent-phone-not-own = Itu bukan nomor Anda sendiri, jadi tidak saya simpan. Petugas akan menghubungi Anda lewat bot ini.

report-summary-title = 📋 Periksa laporan Anda:
report-summary-none = —
report-summary-who = Pelapor
report-summary-offer = Tawaran
report-summary-offer-count = { $texts } teks, { $screenshots } tangkapan layar
report-summary-level = Risiko
report-summary-contacts = Kontak perekrut
report-summary-destination = Tujuan
report-summary-job = Pekerjaan
report-summary-salary = Gaji
report-summary-money = Uang
report-summary-passport = Paspor diserahkan
report-summary-departed = Sudah ada yang berangkat
report-summary-urgent = MENDESAK
report-summary-consent = Petugas boleh menghubungi saya
report-summary-phone-shared = nomor HP dibagikan
report-summary-check = Tekan Kirim jika sudah benar, atau Ubah untuk mengganti bagian tertentu.
report-edit-who = ✏️ Pelapor
report-edit-offer = ✏️ Tawaran
report-edit-contacts = ✏️ Kontak
report-edit-destination = ✏️ Tujuan
report-edit-money = ✏️ Uang
report-edit-departed = ✏️ Orang yang berangkat
report-edit-consent = ✏️ Kontak saya

report-sent = ✅ Laporan Anda sudah terkirim. Nomor kasus Anda { $id } — simpan nomor ini untuk menanyakan kasusnya.
report-next = Selanjutnya: petugas akan memeriksa laporan Anda. Anda akan menerima pesan di sini setiap kali statusnya berubah. Anda bisa menambah informasi kapan saja lewat "Laporan saya".
report-next-urgent = Selanjutnya: laporan Anda ditandai MENDESAK dan akan diperiksa petugas lebih dulu. Anda akan menerima pesan di sini setiap kali statusnya berubah. Jika orangnya dalam bahaya, hubungi nomor di bawah sekarang:

## Tambah informasi
add-info-question = Kirim informasi baru untuk kasus { $id }: teks atau tangkapan layar. Tekan Selesai jika semuanya sudah terkirim.
add-info-saved = ✅ Ditambahkan ke kasus { $id }. Terima kasih.
add-info-refused = Kasus { $id } tidak bisa menerima informasi (sudah ditutup atau bukan milik Anda).
add-info-cancelled = Tidak ada yang ditambahkan.

## Laporan saya
my-reports-title = 📂 Laporan Anda:
my-reports-none = Anda belum pernah mengirim laporan.
my-reports-line = { $id } — { $status } — { $date }
my-reports-add = ➕ Tambah informasi ke { $id }
status-received = diterima
status-in_review = sedang diperiksa
status-needs_info = petugas butuh informasi tambahan
status-confirmed_scam = dipastikan penipuan
status-not_scam = bukan penipuan
status-escalated = diteruskan ke petugas penghubung di negara tujuan
status-closed = ditutup

## Data saya
mydata-title = 🔐 Data yang disimpan Waspada tentang Anda
mydata-language = Bahasa: { $language }
mydata-no-reports = Laporan: tidak ada. Tidak ada data lain yang disimpan tentang Anda.
mydata-reports = Laporan ({ $count }): { $ids }
mydata-consent-yes = Petugas boleh menghubungi Anda lewat bot ini: ya
mydata-consent-no = Petugas boleh menghubungi Anda lewat bot ini: tidak
mydata-phone = Nomor HP yang Anda bagikan (disimpan terenkripsi): { $phone }
mydata-no-phone = Nomor HP: tidak dibagikan
mydata-delete-hint = Untuk menghapus data Anda, kirim /delete. Laporan Anda tetap ada untuk petugas, tanpa apa pun yang mengenali Anda.
delete-question = Hapus data Anda? Kontak Anda dan kaitan antara Anda dan laporan Anda akan dihapus. Laporannya sendiri tetap ada untuk petugas, tanpa identitas. Ini tidak bisa dibatalkan.
delete-confirm = 🗑 Ya, hapus data saya
delete-abort = Tidak, simpan saja
delete-aborted = Tidak ada yang dihapus.
delete-done = { $count ->
        [0] Selesai: data Anda sudah dihapus.
       *[other] Selesai: data Anda sudah dihapus, dan { $count } laporan Anda kini tanpa identitas.
    }

answer-yes = Ya
answer-no = Tidak
answer-unknown = Tidak tahu

## Banjir pesan (batas per orang; penolakan pertama dijawab, selebihnya diabaikan)
rate-limited-message = Anda mengirim pesan sangat cepat. Tunggu satu menit, lalu lanjutkan: yang sudah Anda isi tetap tersimpan.
rate-limited-check = Anda sudah memeriksa banyak tawaran dalam waktu singkat. Tunggu sekitar { $minutes } menit sebelum memeriksa yang berikutnya.
rate-limited-report = Anda sudah memulai banyak laporan dalam satu jam terakhir. Tunggu sekitar { $minutes } menit sebelum memulai yang lain. Jika ada orang dalam bahaya sekarang, tekan “Ada orang dalam bahaya sekarang” di menu: nomor bantuan langsung ditampilkan.
rate-limited-relay = Anda sudah mengirim banyak jawaban ke petugas dalam satu jam terakhir. Tunggu sekitar { $minutes } menit; jawaban Anda sebelumnya sudah mereka terima.
conversation-too-long = Percakapan ini mencapai batas { $max } jawaban, jadi ditutup dan tidak ada yang disimpan darinya. Silakan mulai lagi dan kirim hanya yang diperlukan petugas; Anda bisa menambahkan lagi nanti lewat /myreports.
