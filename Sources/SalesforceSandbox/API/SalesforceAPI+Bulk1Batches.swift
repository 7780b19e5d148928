import SandboxKit

/// Bulk API 1.0 query batches: add (the body is the SOQL), list, info, result list and
/// CSV result files; PK chunking splits a batch into Id-range batches.
extension SalesforceAPI {
    func addBulk1Batch(_ request: SandboxRequest, jobID: String) throws -> SandboxResponse {
        guard let job = jobs1.job(jobID) else { throw Bulk1Error.invalidJob(jobID) }
        let contentType = request.header("content-type")?.lowercased() ?? ""
        guard contentType.hasPrefix("text/csv") else {
            throw Bulk1Error("InvalidBatch", "Content-Type '\(contentType)' does not match the job's content type CSV: send text/csv")
        }
        let outcome = bulk1Outcome(request.bodyText, job: job)
        let created = now()
        let started = ContinuousClock.now
        guard let added = jobs1.addBatches(to: jobID, { first in
            func batch(_ offset: Int, _ outcome: Bulk1JobStore.Batch.Outcome) -> Bulk1JobStore.Batch {
                Bulk1JobStore.Batch(
                    id: SalesforceID.make(prefix: "751", number: 7_000_000 + first + offset), jobID: jobID,
                    resultID: SalesforceID.make(prefix: "752", number: 7_000_000 + first + offset),
                    createdAt: created, started: started, outcome: outcome)
            }
            guard let size = job.pkChunkSize, case .rows(let query, let rows) = outcome else { return [batch(0, outcome)] }
            let chunks = Self.pkChunks(rows, tableRows: store.table(for: job.object).count, size: size)
            let original = batch(0, .notProcessed("PK chunking is enabled: the records are in the \(chunks.count) batches created for the Id ranges of this job"))
            return [original] + chunks.enumerated().map { batch($0.offset + 1, .rows(query, $0.element)) }
        }) else { throw Bulk1Error.invalidJob(jobID) }
        guard let first = added.batches.first else {
            throw Bulk1Error("InvalidJobState", "Job \(jobID) is \(added.job.state): batches can only be added to an Open job")
        }
        counters.increment(SalesforceCounter.bulkBatches, by: added.batches.count)
        return batchInfo1(first).response(.xml, status: 201)
    }

    /// Runs the batch's SOQL against the job; what Salesforce would refuse becomes a
    /// `Failed` batch with its `stateMessage`, not an HTTP error.
    private func bulk1Outcome(_ soql: String, job: Bulk1JobStore.Job) -> Bulk1JobStore.Batch.Outcome {
        let query: CompiledQuery
        do {
            query = try CompiledQuery.compile(soql, schema: schema)
        } catch {
            return .failed("InvalidBatch : Failed to process query: \(error.errorCode): \(error.message)")
        }
        guard query.object.name == job.object.name else {
            return .failed("InvalidBatch : Failed to process query: the query is on \(query.object.name) but the job is on \(job.object.name)")
        }
        if let problem = query.bulkProblem {
            return .failed("InvalidBatch : Failed to process query: \(problem.errorCode): \(problem.message)")
        }
        return .rows(query, query.matchingRows(in: store.table(for: query.object), includeDeleted: job.operation == "queryAll"))
    }

    /// Splits `rows` into Id ranges of `size` rows of the whole table (row order is Id order,
    /// and soft-deleted rows count toward the boundaries, as documented), keeping query order
    /// within each chunk.
    static func pkChunks(_ rows: [Int32], tableRows: Int, size: Int) -> [[Int32]] {
        var chunks = Array(repeating: [Int32](), count: max(1, (tableRows + size - 1) / size))
        for row in rows {
            chunks[min(chunks.count - 1, Int(row) / size)].append(row)
        }
        return chunks
    }

    func bulk1BatchList(jobID: String) throws -> SandboxResponse {
        guard jobs1.job(jobID) != nil else { throw Bulk1Error.invalidJob(jobID) }
        let inner = jobs1.batches(of: jobID, poll: true).map { "<batchInfo>\(batchInfo1($0).xmlElements)</batchInfo>" }.joined()
        return Bulk1Document.xml("<batchInfoList xmlns=\"\(Bulk1Document.namespace)\">\(inner)</batchInfoList>")
    }

    func bulk1BatchInfo(jobID: String, batchID: String) throws -> SandboxResponse {
        return batchInfo1(try bulk1Batch(jobID: jobID, batchID: batchID, poll: true)).response(.xml)
    }

    func bulk1ResultList(jobID: String, batchID: String) throws -> SandboxResponse {
        let batch = try completedBulk1Batch(jobID: jobID, batchID: batchID)
        return Bulk1Document.xml("<result-list xmlns=\"\(Bulk1Document.namespace)\"><result>\(batch.resultID)</result></result-list>")
    }

    func bulk1ResultFile(jobID: String, batchID: String, resultID: String) throws -> SandboxResponse {
        let batch = try completedBulk1Batch(jobID: jobID, batchID: batchID)
        guard resultID == batch.resultID, case .rows(let query, let rows) = batch.outcome else {
            throw Bulk1Error("InvalidBatch", "Invalid result id: \(resultID) is not a result of batch \(batchID)")
        }
        return csvResults(query: query, rows: rows[...])
    }

    private func bulk1Batch(jobID: String, batchID: String, poll: Bool) throws -> Bulk1JobStore.Batch {
        guard jobs1.job(jobID) != nil else { throw Bulk1Error.invalidJob(jobID) }
        guard let batch = jobs1.batch(batchID, of: jobID, poll: poll) else {
            throw Bulk1Error("InvalidBatch", "Invalid batch id: \(batchID) is not a batch of job \(jobID)")
        }
        return batch
    }

    private func completedBulk1Batch(jobID: String, batchID: String) throws -> Bulk1JobStore.Batch {
        let batch = try bulk1Batch(jobID: jobID, batchID: batchID, poll: false)
        guard batch.state == "Completed" else {
            throw Bulk1Error("InvalidBatch", "Batch \(batchID) is \(batch.state): results exist once it is Completed")
        }
        return batch
    }

    /// The documented batchInfo fields, in the documented XML order.
    func batchInfo1(_ batch: Bulk1JobStore.Batch) -> Bulk1Document {
        var document = Bulk1Document(root: "batchInfo")
        document.add("id", batch.id)
        document.add("jobId", batch.jobID)
        document.add("state", batch.state)
        if let message = batch.stateMessage { document.add("stateMessage", message) }
        document.add("createdDate", dateTime: batch.createdAt)
        document.add("systemModstamp", dateTime: batch.createdAt)
        document.add("numberRecordsProcessed", batch.rowCount)
        document.add("numberRecordsFailed", 0)
        document.add("totalProcessingTime", Self.processingTime(batch))
        document.add("apiActiveProcessingTime", Self.processingTime(batch))
        document.add("apexProcessingTime", 0)
        return document
    }
}
