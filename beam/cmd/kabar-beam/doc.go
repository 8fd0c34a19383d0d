// Command kabar-beam runs kabar's analysis over a JSONL archive on Apache
// Beam: locally on the Prism runner, or on Flink, Spark or Google Cloud
// Dataflow. It writes the same records as kabar batch, in shards, plus an
// IDF table and an entity table learned from the whole archive.
//
// Usage:
//
//	kabar-beam --input 'archive/*.jsonl' --output out/analysis [--runner prism] [flags]
//
// Results under --output:
//
//	records-SSSSS-of-NNNNN.jsonl  one output record per input line, as kabar batch writes it
//	idf.txt                       document frequencies of content stems (summarize.ReadIDF format)
//	entities.jsonl                {"label","name","docs"} per entity, most frequent first
//
// Beam's own flags select and configure the runner: --runner (prism,
// flink, spark, dataflow, universal), --endpoint for a portable job service,
// --environment_type, --worker_binary, and for Dataflow --project, --region,
// --staging_location, --temp_location. See the README's section "Scale-out
// with Apache Beam".
//
// The exit status is 0 when every record was analysed, 1 when the pipeline
// failed or some records became error records, 2 on usage errors.
package main
