"""AWS adapters of the domain's ports: DynamoDB job and template stores, S3 object storage, SQS task queue.

The only modules besides synthdata.aws that talk to AWS; each owns its item shapes, keys and error codes.
"""
