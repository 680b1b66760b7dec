## Waspada — posting ke kanal focal point dan pesan ke pelapor (Bahasa Indonesia).
## Kunci dipakai oleh src/render/channel-post.ts dan src/jobs/.

## Posting kanal focal point (tanpa identitas pelapor, sama sekali)
focal-case = Kasus
focal-urgent = MENDESAK
focal-level = Tingkat risiko
focal-flagged = Diteruskan karena
focal-flagged-level = tingkat risikonya mencapai ambang penerusan
focal-flagged-urgent = ditandai mendesak
focal-flagged-escalated = petugas meneruskannya
focal-reported-by = Dilaporkan oleh
focal-reporter-self = orang yang menerima tawaran
focal-reporter-family_friend = keluarga atau teman
focal-reporter-abroad = orang yang sudah di luar negeri
focal-reporter-other = orang lain
focal-reported-on = Tanggal laporan
focal-destination = Negara tujuan
focal-job = Pekerjaan yang ditawarkan
focal-salary = Gaji yang dijanjikan
focal-fees = Biaya
focal-fees-to = kepada
focal-passport-handed = Paspor diserahkan ke perekrut
focal-recruiter = Perekrut
focal-reasons = Alasan ditandai
focal-more = …dan { $count } lagi
focal-known-recruiter = Salah satu kontak perekrut ini sudah ditandai petugas sebagai perekrut penempatan ilegal.
focal-known-reported = Salah satu kontak perekrut ini pernah dilaporkan sebelumnya.
focal-departed = Sudah ada yang berangkat untuk pekerjaan ini
focal-departed-when = Berangkat
focal-departed-can-communicate = Masih bisa dihubungi
focal-departed-passport-taken = Paspor diambil
focal-departed-whereabouts = Kemungkinan keberadaan
focal-media = { $count ->
        [one] 1 tangkapan layar menyusul.
       *[other] { $count } tangkapan layar menyusul.
    }
focal-repeated = Dikirim ulang setelah koneksi terputus: jika kasus ini muncul dua kali, kedua posting itu kasus yang sama.

## Kabar status untuk pelapor (sekali untuk setiap perubahan status)
notify-status-received =
    📥 Kabar tentang laporan { $id }: laporan Anda sudah kami terima.

    Artinya: petugas akan memeriksanya. Anda akan mendapat pesan di sini setiap kali statusnya berubah.
    Yang bisa Anda lakukan: tambahkan pesan atau tangkapan layar baru dari perekrut kapan saja lewat "Laporan saya".
notify-status-in_review =
    🔎 Kabar tentang laporan { $id }: petugas sedang memeriksa laporan Anda.

    Artinya: laporan Anda sudah ditangani; Anda tidak perlu melakukan apa-apa.
    Yang bisa Anda lakukan: kalau ada kabar baru (pesan baru, tanggal keberangkatan, tempat penjemputan), tambahkan lewat "Laporan saya".
notify-status-needs_info =
    ❓ Kabar tentang laporan { $id }: petugas membutuhkan informasi tambahan.

    Artinya: petugas mungkin akan mengirim pertanyaan kepada Anda di sini, lewat bot ini.
    Yang bisa Anda lakukan: jawab pertanyaannya, atau tambahkan teks dan tangkapan layar lewat "Laporan saya" → "Tambah informasi".
notify-status-confirmed_scam =
    ⚠️ Kabar tentang laporan { $id }: petugas memastikan ini penipuan.

    Artinya: ini bukan lowongan kerja sungguhan. Jangan membayar apa pun, jangan mengirim dokumen atau foto KTP/paspor, dan jangan berangkat bersama perekrut ini.
    Yang bisa Anda lakukan: ingatkan orang lain yang menerima tawaran yang sama. Jika sudah ada yang berangkat, segera hubungi Portal Peduli WNI (peduliwni.kemlu.go.id) atau aplikasi Safe Travel.
notify-status-escalated =
    📨 Kabar tentang laporan { $id }: laporan Anda sudah diteruskan ke petugas penghubung di negara tujuan.

    Artinya: pihak berwenang di sana sekarang bisa menindaklanjutinya. Nama dan kontak Anda tidak ikut dibagikan.
    Yang bisa Anda lakukan: simpan pesan baru dari perekrut dan tambahkan lewat "Laporan saya".
notify-status-closed =
    ✅ Kabar tentang laporan { $id }: kasus ini sudah ditutup. Terima kasih sudah melapor.

    Artinya: petugas sudah selesai menangani laporan ini.
    Yang bisa Anda lakukan: sebelum menerima tawaran kerja ke luar negeri, cek perusahaan dan lowongannya di SISKOP2MI (situs resmi pemerintah untuk lowongan kerja luar negeri) atau di kantor pelindungan pekerja migran (BP3MI) terdekat. Jika ada kejadian baru, kirim laporan baru dengan /report.

## Relay anonim: pertanyaan petugas untuk pelapor
relay-header = 💬 Petugas yang menangani kasus { $id } bertanya:
relay-how-to-answer = ↩️ Untuk menjawab, balas pesan ini (geser pesan ke kiri, atau ketuk lalu pilih Balas). Petugas tidak melihat nama, username, atau nomor telepon Anda.
relay-placeholder = Jawaban Anda untuk kasus { $id }
