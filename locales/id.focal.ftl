## Waspada — focal point sebagai mitra (Bahasa Indonesia): unggahan kanal, tombolnya, ringkasan
## mingguan, dan yang dilihat petugas dan pelapor dari jawaban focal point.

## Unggahan di kanal focal point (tanpa identitas pelapor)
fp-case = Kasus
fp-urgent = MENDESAK
fp-level = Tingkat risiko
fp-level-name-low = rendah
fp-level-name-medium = sedang
fp-level-name-high = tinggi
fp-level-name-critical = sangat tinggi
fp-status = Status kasus
fp-status-received = diterima
fp-status-in_review = sedang ditinjau petugas Indonesia
fp-status-needs_info = menunggu informasi tambahan dari pelapor
fp-status-confirmed_scam = dipastikan penipuan oleh petugas Indonesia
fp-status-not_scam = bukan penipuan
fp-status-escalated = diteruskan ke focal point Anda
fp-status-closed = ditutup
fp-flagged = Ditandai karena
fp-flagged-level = tingkat risiko ({ $level }) mencapai ambang penerusan ({ $threshold })
fp-flagged-urgent = kasus ditandai mendesak: seseorang mungkin dalam bahaya saat ini
fp-flagged-escalated = petugas Indonesia telah meninjau dan meneruskannya kepada Anda
fp-reported-by = Dilaporkan oleh
fp-reporter-self = orang yang menerima tawaran
fp-reporter-family_friend = kerabat atau teman
fp-reporter-abroad = orang yang sudah di luar negeri
fp-reporter-other = orang lain
fp-reported-on = Tanggal laporan
fp-destination = Tujuan
fp-job = Pekerjaan yang ditawarkan
fp-salary = Gaji yang dijanjikan
fp-fees = Biaya
fp-fees-to = dibayar kepada
fp-money-none = tidak ada permintaan uang
fp-money-asked = uang diminta
fp-money-paid = uang sudah dibayar
fp-usd = ≈ USD { $amount }
fp-passport-handed = Paspor diserahkan ke perekrut
fp-answer-yes = ya
fp-answer-no = tidak
fp-answer-unknown = tidak diketahui
fp-recruiter = Perekrut
fp-identifier-phone = Telepon
fp-identifier-whatsapp = WhatsApp
fp-identifier-telegram_handle = Telegram
fp-identifier-telegram_user_id = Akun Telegram
fp-identifier-domain = Situs web
fp-identifier-url = Tautan
fp-identifier-email = E-mail
fp-identifier-agency = Agen atau perusahaan
fp-identifier-bank_account = Rekening bank
fp-reasons = Tanda bahaya
fp-reason-job_lure = umpan pekerjaan khas sindikat penipuan daring (customer service, admin, marketing, tanpa pengalaman)
fp-reason-destination = tujuan yang terkait dengan kompleks penipuan
fp-reason-process_irregularity = perekrutan di luar prosedur penempatan resmi (visa turis, tanpa kontrak, tanpa P3MI berizin)
fp-reason-recruiter_channel = perekrutan hanya lewat aplikasi obrolan atau media sosial
fp-reason-forced_labour_sign = tanda kerja paksa atau penyekapan
fp-reason-pay = gaji tidak wajar untuk pekerjaan yang ditawarkan
fp-reason-requirements = syarat yang terlalu ringan untuk pekerjaan itu
fp-reason-cost_debt = biaya atau utang yang dibebankan kepada pekerja
fp-reason-travel_route = rute perjalanan tidak resmi yang diatur perekrut
fp-reason-document_control = perekrut menguasai dokumen identitas
fp-reason-urgency_pressure = desakan untuk cepat memutuskan atau berangkat
fp-reason-identity_opacity = pemberi kerja atau perekrut menyembunyikan identitasnya
fp-reason-manipulation = upaya mengelabui penyaringan
fp-known-recruiter = Salah satu kontak perekrut ini ditandai petugas Indonesia sebagai perekrut ilegal yang dikenal.
fp-known-reported = Salah satu kontak perekrut ini pernah dilaporkan sebelumnya.
fp-more = …dan { $count } lainnya
fp-departed = Seseorang sudah berangkat untuk pekerjaan ini
fp-departed-when = Berangkat
fp-departed-can-communicate = Masih bisa berkomunikasi
fp-departed-passport-taken = Paspor diambil
fp-departed-whereabouts = Perkiraan keberadaan
fp-quoted-note = Teks dalam tanda kutip adalah kata-kata pelapor sendiri, tidak diterjemahkan.
fp-media = { $count ->
        [one] 1 tangkapan layar menyusul.
       *[other] { $count } tangkapan layar menyusul.
    }
fp-repeated = Dikirim ulang setelah gangguan koneksi: jika kasus ini muncul dua kali, keduanya kasus yang sama.
fp-response = Jawaban Anda
fp-response-none = belum ada — silakan gunakan tombol di bawah

## Jawaban focal point (tombol di bawah unggahan)
fp-answer-received = Diterima
fp-answer-investigating = Sedang diselidiki
fp-answer-located = Orang ditemukan
fp-answer-safe = Orang selamat / sudah kembali
fp-answer-not_ours = Bukan wilayah kami
fp-answer-need_info = Perlu informasi tambahan
fp-recorded = Dicatat: { $answer }
fp-already = Jawaban ini sudah dicatat.
fp-not-admin = Hanya administrator kanal ini yang dapat menjawab kasus. Tidak ada yang diubah.
fp-closed = Kasus ini sudah ditutup. Tidak ada yang diubah.
fp-invalid = Tombol ini sudah tidak berlaku.

## Ringkasan mingguan di setiap kanal focal point
fp-digest-title = Ringkasan mingguan ({ $from } – { $to })
fp-digest-new = Kasus baru minggu ini: { $count }
fp-digest-open = Kasus terbuka: { $count }
fp-digest-outstanding = Kasus menunggu jawaban Anda: { $count }
fp-digest-none = —

## Yang dilihat petugas (grup moderator)
focal-card-response = Focal point { $country }: { $answer }, { $time }
focal-card-waiting-review = ⏸ Menunggu tinjauan: tidak dikirim ke focal point sampai petugas menekan "Teruskan ke focal point".
focal-card-deadline-urgent_take = ⏳ Kasus mendesak belum diambil: sisa { $left }
focal-card-deadline-focal_ack = ⏳ Tanggapan focal point ditunggu: sisa { $left }
focal-card-deadline-need_info = ⏳ Menunggu informasi dari pelapor: sisa { $left }
focal-card-deadline-overdue = terlambat
focal-reminder-urgent_take = ⏰ Kasus { $id } mendesak dan belum diambil siapa pun selama { $duration }. Tekan "Ambil".
focal-reminder-focal_ack = ⏰ Kasus { $id } dikirim ke focal point { $duration } lalu dan belum ada tanggapan. Pertimbangkan menghubungi mereka langsung.
focal-reminder-need_info = ⏰ Kasus { $id } sudah menunggu informasi dari pelapor selama { $duration }. Tindak lanjuti atau tutup kasusnya.
focal-need-info-topic = ❓ Focal point { $country } meminta informasi tambahan tentang kasus { $id }. Petugas dapat meneruskan pertanyaan ke pelapor dengan /ask, dan mencatat jawabannya sebagai catatan.
focal-duration-minutes = { $count } menit
focal-duration-hours = { $count } jam
focal-stats-sla = Tenggat terpenuhi: { $kinds }
focal-stats-sla-kind-urgent_take = mendesak diambil tepat waktu { $met }/{ $total }
focal-stats-sla-kind-focal_ack = tanggapan focal point { $met }/{ $total }
focal-stats-sla-kind-need_info = informasi tepat waktu { $met }/{ $total }
focal-exchange-usage = Cara pakai: /exchange [dari] [sampai], tanggal YYYY-MM-DD (bawaan: 30 hari terakhir).
focal-exchange-caption = Kasus yang dibagikan ke focal point, sebagai JSON Lines (skema versi { $version }, lihat docs/exchange.md). Tanpa identitas pelapor.
focal-exchange-none = Tidak ada kasus yang dibagikan ke focal point dalam periode ini.

## Yang didengar pelapor (bahasanya, kata-kata sederhana, tanpa nama petugas asing)
focal-notify-located =
    🙏 Kabar tentang kasus Anda { $id }: pihak berwenang di negara tujuan melaporkan bahwa orang tersebut sudah ditemukan.

    Artinya: mereka tahu di mana orang itu berada. Petugas di Indonesia akan terus mengikuti kasus ini.
    Yang bisa Anda lakukan: jika Anda mendapat kabar dari orang itu, tambahkan di "Laporan saya".
focal-notify-safe =
    🙏 Kabar tentang kasus Anda { $id }: pihak berwenang di negara tujuan melaporkan bahwa orang tersebut selamat atau sudah kembali.

    Artinya: sepengetahuan pihak berwenang, orang itu tidak lagi berada di tempat ia ditahan.
    Yang bisa Anda lakukan: jika orang itu butuh bantuan setelah kembali, hubungi BP2MI / KP2MI atau Portal Peduli WNI.
