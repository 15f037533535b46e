CREATE INDEX `lending_item_idx` ON `lending_requests` (`item_id`);--> statement-breakpoint
/* The Find box's title and author words: a trigram full-text table over lending_requests (rowid = its id), so that LIKE '%word%' is an index search. Title and author on two lines, so a word never spans both. Kept in step by the triggers below. */
CREATE VIRTUAL TABLE `lending_find_words` USING fts5(words, tokenize = 'trigram');--> statement-breakpoint
INSERT INTO `lending_find_words` (rowid, words) SELECT `id`, `title` || char(10) || coalesce(`author`, '') FROM `lending_requests`;--> statement-breakpoint
CREATE TRIGGER `lending_find_words_insert` AFTER INSERT ON `lending_requests` BEGIN
	INSERT INTO `lending_find_words` (rowid, words) VALUES (new.`id`, new.`title` || char(10) || coalesce(new.`author`, ''));
END;--> statement-breakpoint
CREATE TRIGGER `lending_find_words_update` AFTER UPDATE OF `title`, `author` ON `lending_requests` BEGIN
	UPDATE `lending_find_words` SET words = new.`title` || char(10) || coalesce(new.`author`, '') WHERE rowid = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `lending_find_words_delete` AFTER DELETE ON `lending_requests` BEGIN
	DELETE FROM `lending_find_words` WHERE rowid = old.`id`;
END;
