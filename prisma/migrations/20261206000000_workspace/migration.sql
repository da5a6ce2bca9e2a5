-- Training results of neural task parts, filled in by the judge.
ALTER TABLE "Submission" ADD COLUMN "lossHistory" JSONB,
ADD COLUMN "referenceLossHistory" JSONB,
ADD COLUMN "metrics" JSONB;

-- Time of the author's last self-check of a concept answer.
ALTER TABLE "ConceptAnswer" ADD COLUMN "selfCheckedAt" TIMESTAMP(3);

-- Answers ticked before this column existed were self-checked when their key points were saved.
UPDATE "ConceptAnswer" SET "selfCheckedAt" = "createdAt" WHERE cardinality("coveredKeyPoints") > 0;
