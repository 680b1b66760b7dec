## Petugas: kartu kasus, triase, relai, perintah (grup moderator). Juga teks relai untuk pelapor.

card-case = Kasus
card-urgent = MENDESAK
card-status = Status
card-assigned = Ditangani
card-officer = petugas
card-reporter = Pelapor
card-reporter-self = penerima tawaran
card-reporter-family_friend = keluarga atau teman
card-reporter-abroad = sedang di luar negeri
card-reporter-other = lainnya
card-contact-allowed = boleh dihubungi
card-departed = Sudah ada yang berangkat
card-passport-taken = paspor diambil
card-can-communicate = bisa berkomunikasi
card-departed-when = berangkat
card-departed-last-contact = kabar terakhir
card-departed-whereabouts = kemungkinan di
card-location = lokasi dibagikan
card-seen-in = { $count ->
       *[other] muncul di { $count } laporan lain
    }
card-offer-matches = { $count ->
       *[other] teks tawaran ini sama dengan { $count } laporan sebelumnya
    }
card-additions = { $count ->
       *[other] { $count } tambahan dari pelapor
    }
card-addition-posted = ➕ Kasus { $id }: pelapor menambahkan informasi
card-addition-own-phone = [nomor telepon pelapor: pakai tombol Lihat kontak]
card-notes = { $count ->
       *[other] { $count } catatan petugas
    }
card-forwarded = { $count ->
       *[other] dikirim ke { $count } kanal focal point
    }
card-forward-failed = Pengiriman ke focal point gagal
card-reasons-title = Tanda bahaya
card-reason-other = tanda bahaya lain ({ $id })
card-history = Riwayat
card-button-take = 🙋 Saya tangani
card-button-urgent = 🆘 Tandai mendesak
card-button-confirm = ⛔ Pasti penipuan
card-button-notscam = ✅ Bukan penipuan
card-button-info = ❓ Perlu info tambahan
card-button-escalate = 📤 Teruskan ke focal point
card-button-close = 🗄 Tutup
card-button-reopen = ↩️ Buka lagi
card-button-reveal = 🔓 Lihat kontak

triage-invalid = Tombol ini tidak sah.
triage-wrong-chat = Tombol kasus hanya berfungsi di grup petugas.
triage-not-officer = Hanya petugas (admin grup ini) yang bisa melakukannya.
triage-no-report = Kasus ini sudah tidak ada.
triage-already = Sudah { $status }.
triage-not-allowed = Tidak bisa: kasus yang "{ $from }" tidak bisa menjadi "{ $to }".
triage-done = Selesai: { $status }.
triage-taken = Kasus ini sekarang Anda tangani.
triage-already-yours = Kasus ini sudah Anda tangani.
triage-marked-urgent = Ditandai mendesak.
triage-already-urgent = Sudah mendesak.
triage-no-consent = Pelapor tidak setuju untuk dihubungi.
triage-contact = Kontak untuk { $id }: { $contact } (pembukaan ini dicatat)
triage-contact-bot-only = tidak ada nomor — tulis kepadanya dengan /ask di utas ini
triage-ask-how = Tulis pertanyaan untuk pelapor { $id } sebagai balasan ke kartu, diawali /ask — misalnya: /ask Kapan terakhir anak Anda menelepon?

relay-ask-empty = Tulis pertanyaannya setelah /ask, misalnya: /ask Ke kota mana dia terbang?
relay-no-consent = Pelapor tidak setuju untuk dihubungi, jadi pertanyaan tidak bisa dikirim.
relay-queued = ✉️ Terkirim ke pelapor. Jawabannya akan muncul di sini.
relay-reporter-answered = 💬 Pelapor kasus { $id } menjawab:

reply-prompt = Tulis jawaban Anda untuk petugas kasus { $id } (teks atau tangkapan layar). Mereka tidak akan melihat nama atau nomor Anda.
reply-delivered = ✅ Terkirim ke petugas yang menangani kasus { $id }.
reply-failed = Jawaban Anda untuk kasus { $id } tidak bisa dikirim. Silakan coba lagi nanti.
reply-already-answered = Anda sudah menjawab pertanyaan kasus { $id } ini. Untuk menambah keterangan, buka /myreports dan tekan "Balas petugas" di bawah kasusnya.
reply-unsupported = Hanya teks atau tangkapan layar (sebagai foto) yang bisa dikirim ke petugas kasus { $id }. Kirim jawaban Anda sebagai teks atau foto.
reply-follow-up-ask = Anda baru saja menjawab petugas kasus { $id }. Kirim pesan ini juga ke mereka?
reply-follow-up-yes = ✅ Ya, kirim
reply-follow-up-no = Tidak
reply-follow-up-kept = Tidak dikirim ke petugas kasus { $id }. Jika ini tawaran kerja yang ingin dicek, kirimkan lagi kepada saya.
my-reports-reply = 💬 Balas petugas kasus { $id }

find-usage = Pakai: /find lalu nomor HP, @username, tautan, nama agen, atau nomor kasus.
find-unparseable = Saya tidak menemukan nomor HP, @username, tautan, agen, atau nomor kasus di situ.
find-none = Belum ada data tentang itu.
find-total = { $count ->
       *[other] { $count } laporan menyebutnya:
    }
stats-title = Laporan { $days } hari terakhir: { $total }
stats-by-status = Menurut status
stats-by-level = Menurut tingkat
stats-by-destination = Menurut tujuan
stats-by-reporter = Menurut pelapor
stats-urgent-open = mendesak dan masih terbuka: { $count }
stats-median = median waktu sampai tindakan pertama: { $minutes } menit
stats-campaigns = Tautan sosialisasi (sejak awal)
stats-campaign = { $starts } datang, { $checks } pengecekan, { $reports } laporan
stats-top = Paling sering dilaporkan
stats-check-feedback = Pemeriksaan yang dinilai: 👍 membantu { $up } · 👎 tidak membantu { $down }
list-usage = Pakai: /list untuk semua kasus terbuka, atau /list lalu status: { $statuses }.
list-none = Tidak ada kasus terbuka. 🎉
list-none-status = Tidak ada kasus dengan status "{ $status }".
list-title = Kasus terbuka, yang terlama dulu ({ $count } seluruhnya):
list-title-status = Kasus "{ $status }", yang terlama dulu ({ $count } seluruhnya):
list-word-received = baru
list-word-in_review = diproses
list-word-needs_info = perlu info
list-word-confirmed_scam = penipuan
list-word-not_scam = bukan penipuan
list-word-escalated = diteruskan
list-word-closed = ditutup
list-words-received = baru, diterima, masuk
list-words-in_review = diproses, diperiksa, ditinjau, sedang diperiksa, ditangani
list-words-needs_info = perlu info, perlu informasi, butuh info, butuh informasi, kurang info
list-words-confirmed_scam = penipuan, terbukti, terbukti penipuan, dipastikan penipuan
list-words-not_scam = bukan penipuan, aman, tidak menipu
list-words-escalated = diteruskan, eskalasi, dieskalasi, ke focal point
list-words-closed = ditutup, tutup, selesai
export-usage = Pakai: /export, atau /export 2025-01-01 2025-01-31 (dari dan sampai, termasuk).
export-caption = Ekspor laporan (CSV). Tidak berisi identitas pelapor; perlakukan sebagai rahasia.
mark-usage = Pakai: /mark lalu nomor HP, @username, tautan, atau agen, kemudian known, licensed, atau clear — misalnya: /mark +855 12 345 678 known
mark-cleared = tanda dihapus

card-model-title = 🤖 Catatan model
card-model-disclaimer = otomatis, belum diverifikasi; aturan dan petugas yang memutuskan
card-model-level = Saran model: { $level } (aturan: { $rules })
card-model-injection = Tawaran berisi perintah untuk model; perintah itu diabaikan dan level aturan dipertahankan
card-model-injection-encoded = Tawaran menyembunyikan perintah untuk model (dikodekan); perintah itu diabaikan dan level aturan dipertahankan
card-model-discarded = { $count ->
        [one] 1 temuan model dibuang: kutipannya tidak ada di tawaran
       *[other] { $count } temuan model dibuang: kutipannya tidak ada di tawaran
    }
card-model-extracted = Dibaca dari tawaran
card-model-fees = biaya
card-model-visa = visa
card-model-route = rute
card-model-needs-review = Jawaban model perlu diperiksa: { $reason }
card-model-failed = Model tidak dapat dihubungi ({ $reason }); hanya aturan.
card-model-skipped-circuit_open = Model dihentikan sementara setelah gagal berulang kali; hanya aturan.
card-model-skipped-budget = Anggaran harian model sudah habis; hanya aturan.
card-model-skipped-no_text = Tidak ada teks tawaran untuk model; hanya aturan.

officer-help-title = Waspada untuk petugas. Setiap laporan datang sebagai kartu kasus (di topiknya sendiri jika grup memakai topik); tombol di bawahnya untuk menindaklanjuti kasus. Perintah:
officer-help-buttons = Pesan di topik sebuah kasus, atau balasan ke kartunya, menjadi catatan untuk petugas. /ask di sana mengirim pertanyaan ke pelapor tanpa membuka identitas pelapor maupun petugas.
officer-unknown-command = Saya tidak mengenal perintah itu. /help menampilkan apa yang bisa dilakukan petugas di sini.
cmd-officer-help = apa yang bisa dilakukan petugas di sini
cmd-officer-list = kasus terbuka, yang terlama dulu; /list perlu info, /list diproses …
cmd-officer-find = nomor HP, @username, tautan, nama agen atau nomor kasus
cmd-officer-stats = angka 30 hari terakhir, atau /stats 7
cmd-officer-ask = di topik kasus atau sebagai balasan ke kartu: pertanyaan untuk pelapor
cmd-officer-export = kasus sebagai tabel (CSV) tanpa identitas pelapor
cmd-officer-exchange = kasus yang dibagikan ke focal point (JSON Lines)
cmd-officer-mark = tandai kontak sebagai perekrut yang dikenal, agen berizin, atau hapus tandanya
relay-ask-where = /ask mengirim pertanyaan ke pelapor sebuah kasus. Tulis di topik kasus itu, atau sebagai balasan ke kartu kasus — misalnya: /ask Terbang ke kota mana?
