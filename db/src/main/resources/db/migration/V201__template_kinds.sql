-- A template written for reviews is not offered for questions and the other way round; NULL: offered for both.
ALTER TABLE answer_templates ADD COLUMN kind TEXT;

-- The default set stored before this migration, by its texts.
UPDATE answer_templates SET kind = 'question'
 WHERE text = 'Здравствуйте! Спасибо за вопрос о товаре «{product}». ';
UPDATE answer_templates SET kind = 'review'
 WHERE text IN (
    'Здравствуйте, {buyer}! Спасибо за отзыв о товаре «{product}». Нам очень жаль, что покупка не оправдала ожиданий. Напишите нам в чат на Wildberries — разберёмся и поможем.',
    '{buyer}, спасибо, что нашли время написать. Мы передали ваш отзыв в отдел качества, чтобы такое не повторялось.',
    'Спасибо за оценку {rating} из 5! Нам важно каждое мнение о товаре «{product}».');
