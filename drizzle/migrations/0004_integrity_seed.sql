-- LKE areas, weights and pass marks of PermenPAN-RB 90/2021 (domain.md); editable data, not code.
INSERT INTO `lke_items` (`code`, `part`, `nama`, `weight`, `sort_order`) VALUES
  ('manajemen_perubahan', 'pengungkit', 'Manajemen Perubahan', 8, 1),
  ('penataan_tatalaksana', 'pengungkit', 'Penataan Tatalaksana (proses bisnis)', 7, 2),
  ('penataan_sdm', 'pengungkit', 'Penataan Sistem Manajemen SDM', 10, 3),
  ('akuntabilitas_kinerja', 'pengungkit', 'Penguatan Akuntabilitas Kinerja', 10, 4),
  ('penguatan_pengawasan', 'pengungkit', 'Penguatan Pengawasan', 15, 5),
  ('kualitas_pelayanan', 'pengungkit', 'Peningkatan Kualitas Pelayanan Publik', 10, 6),
  ('birokrasi_bersih', 'hasil', 'Birokrasi yang Bersih dan Akuntabel', 22.5, 7),
  ('pelayanan_prima', 'hasil', 'Pelayanan Publik yang Prima', 17.5, 8);
--> statement-breakpoint
INSERT INTO `lke_pass_marks` (`predicate`, `min_total`, `min_pengungkit`) VALUES ('WBK', 75, 40), ('WBBM', 85, 48);
