DROP INDEX `officers_kecamatan_idx`;--> statement-breakpoint
CREATE INDEX `officers_kecamatan_kode_idx` ON `officers` (`kecamatan_kode`,`kode`);--> statement-breakpoint
CREATE INDEX `officers_peran_kode_idx` ON `officers` (`peran`,`kode`);--> statement-breakpoint
CREATE INDEX `officers_kecamatan_peran_idx` ON `officers` (`kecamatan_kode`,`peran`,`kode`);--> statement-breakpoint
CREATE INDEX `officers_nama_idx` ON `officers` (`nama`,`kode`);