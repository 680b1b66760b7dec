## Waspada — pendapat kedua model bahasa yang ditambahkan pada jawaban cek (Bahasa Indonesia).
check-opinion-title = 🤖 Pendapat kedua (otomatis, belum diverifikasi; hasil di atas tetap berlaku):
check-opinion-level = Risiko dinaikkan menjadi: { $level } (aturan: { $rules })
check-opinion-reasons = Tanda bahaya lain yang ditemukan:
