// Bynder's JSON as the portal sends it (keys in Bynder's spelling). Every model is open:
// portals add custom `property_*` fields, and those arrive untouched.

/** Bynder sends booleans as `true`, `1` or `"1"`. */
export type Flag = boolean | 0 | 1 | "0" | "1";
export type Json = unknown;

export interface Media {
  id: string;
  idHash?: string;
  name?: string;
  description?: string;
  copyright?: string;
  type?: string;
  brandId?: string;
  subBrandId?: string;
  userCreated?: string;
  dateCreated?: string;
  dateModified?: string;
  datePublished?: string;
  extension?: string[];
  fileName?: string;
  fileSize?: number;
  width?: number;
  height?: number;
  orientation?: string;
  tags?: string[];
  propertyOptions?: string[];
  archive?: Flag;
  limited?: Flag;
  isPublic?: Flag;
  watermarked?: Flag;
  thumbnails?: Record<string, string>;
  transformBaseUrl?: string;
  mediaItems?: Record<string, unknown>[];
  [custom: string]: unknown;
}

export interface MediaPage {
  media?: Media[];
  total?: Record<string, number>;
  count?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Collection {
  id: string;
  userId?: string;
  user?: { id?: string; name?: string };
  name?: string;
  description?: string;
  filename?: string;
  link?: string;
  collectionCount?: number;
  views?: number;
  isPublic?: Flag;
  dateCreated?: string;
  dateModified?: string;
  cover?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Tag {
  id: string;
  tag?: string;
  mediaCount?: number;
  [key: string]: unknown;
}

export interface SubBrand {
  id: string;
  name?: string;
  description?: string;
  image?: string;
  [key: string]: unknown;
}

export interface Brand extends SubBrand {
  subBrands?: SubBrand[];
}

export interface MetapropertyOption {
  id: string;
  name?: string;
  label?: string;
  displayLabel?: string;
  labels?: Record<string, string>;
  description?: string;
  active?: Flag;
  zindex?: number;
  externalReference?: string;
  [key: string]: unknown;
}

export interface Metaproperty {
  id: string;
  name?: string;
  label?: string;
  labels?: Record<string, string>;
  type?: string;
  zindex?: number;
  isMultiselect?: Flag;
  isRequired?: Flag;
  isFilterable?: Flag;
  isEditable?: Flag;
  options?: MetapropertyOption[];
  [key: string]: unknown;
}

export interface SmartFilter {
  id: string;
  icon?: string;
  labels?: Record<string, string>;
  zindex?: number;
  metaproperties?: string[];
  [key: string]: unknown;
}

export interface Account {
  name?: string;
  availableLanguages?: string[];
  defaultLanguage?: string;
  timeZone?: string;
  isOpenImageBank?: Flag;
  [key: string]: unknown;
}

export interface User {
  id: string;
  username?: string;
  email?: string;
  firstname?: string;
  lastname?: string;
  profileId?: string;
  active?: Flag;
  language?: string;
  timeZone?: string;
  name?: string;
  infix?: string;
  email2?: string;
  isSSOOnly?: Flag;
  groups?: UserGroup[];
  lastLogin?: string;
  employeeNumber?: string;
  website?: string;
  salesrepId?: string;
  phoneNumber?: string;
  cellphoneNumber?: string;
  companyName?: string;
  legalEntity?: string;
  department?: string;
  departmentCode?: string;
  job?: string;
  costCenter?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  county?: string;
  state?: string;
  country?: string;
  gender?: string;
  terms?: string;
  persisted?: boolean;
  [key: string]: unknown;
}

export interface Profile {
  id: string;
  name?: string;
  roles?: string[];
  [key: string]: unknown;
}

export interface DownloadLocation {
  s3_file: string;
  disclaimer?: string;
  [key: string]: unknown;
}

// Workflow ("API v5"). The service spells keys inconsistently (`ID` on campaigns, `id` on
// jobs, `fullname` on users but `fullName` in groups); they are listed as sent.

export interface Campaign {
  ID: string;
  name?: string;
  key?: string;
  closed?: boolean;
  description?: string;
  dateStart?: string;
  deadline?: string;
  accountID?: string;
  presetID?: string;
  createdByID?: string;
  responsibleID?: string;
  dateCreated?: string;
  dateModified?: string;
  thumbnailURL?: string;
  campaignMetaproperties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A stage as a job refers to it; `position` is text. */
export interface JobStageRef {
  id: string;
  position?: string;
  status?: string;
  [key: string]: unknown;
}

export interface JobFinish {
  userId?: string;
  date?: string;
  [key: string]: unknown;
}

export interface Job {
  id: string;
  name?: string;
  description?: string;
  deadline?: string;
  createdByID?: string;
  accountableID?: string;
  dateCreated?: string;
  dateModified?: string;
  basedOnPreset?: string;
  presetID?: string;
  campaignID?: string;
  bookedMinutes?: number;
  jobKey?: string;
  dateFinished?: string;
  jobFinishedHistory?: JobFinish[];
  job_stages?: JobStageRef[];
  job_previous_stage?: JobStageRef;
  job_active_stage?: JobStageRef;
  job_next_stage?: JobStageRef;
  jobMetaproperties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StageResponsible {
  id: string;
  type?: "user" | "group";
  [key: string]: unknown;
}

export interface JobStage {
  id: string;
  name?: string;
  description?: string;
  deadline?: string;
  dateCreated?: string;
  createdByID?: string;
  status?: string;
  position?: number;
  responsible?: StageResponsible;
  [key: string]: unknown;
}

export interface JobMediaPreview {
  type?: string;
  url?: string;
  [key: string]: unknown;
}

export interface JobMedia {
  id: string;
  filename?: string;
  uploader_name?: string;
  responsible_name?: string;
  dateCreated?: string;
  dateModified?: string;
  orientation?: string;
  original_url?: string;
  status?: string;
  versionParentID?: string;
  version?: number;
  previews?: JobMediaPreview[];
  sub_versions?: JobMedia[];
  [key: string]: unknown;
}

export interface PresetStage {
  ID: string;
  name?: string;
  description?: string;
  position?: string;
  editableBy?: string;
  restrictToGroupID?: string;
  type?: string;
  responsibleID?: string;
  responsibleGroupID?: string;
  [key: string]: unknown;
}

export interface JobPreset {
  ID: string;
  name?: string;
  ftp_settings?: string;
  wf_uuid?: string;
  presetstages?: PresetStage[];
  [key: string]: unknown;
}

export interface WorkflowBynderUser {
  id: string;
  firstName?: string;
  lastName?: string;
  infix?: string;
  email?: string;
  [key: string]: unknown;
}

export interface WorkflowUser {
  ID: string;
  fullname?: string;
  BynderUser?: WorkflowBynderUser;
  [key: string]: unknown;
}

export interface WorkflowGroupMember {
  ID: string;
  fullName?: string;
  bynderUser?: WorkflowBynderUser;
  [key: string]: unknown;
}

export interface WorkflowGroup {
  ID: string;
  name?: string;
  accountID?: string;
  createdByID?: string;
  dateCreated?: string;
  users?: WorkflowGroupMember[];
  [key: string]: unknown;
}

export interface WorkflowCreator {
  ID: string;
  fullName?: string;
  [key: string]: unknown;
}

export interface WorkflowMetapropertyOption {
  ID: string;
  label?: string;
  position?: number;
  default?: boolean;
  dateCreated?: string;
  metapropertyID?: string;
  created_by?: WorkflowCreator;
  [key: string]: unknown;
}

export interface WorkflowMetaproperty {
  ID: string;
  label?: string;
  short_name?: string;
  description?: string;
  export?: string;
  exportName?: string;
  removed_by?: string;
  dependency?: string;
  dependencyValue?: string;
  assetbank_metaproperty?: string;
  position?: number;
  default?: boolean;
  required?: boolean;
  dateCreated?: string;
  type?: string;
  entity?: string;
  created_by?: WorkflowCreator;
  options?: WorkflowMetapropertyOption[];
  [key: string]: unknown;
}

// Automation workflow rules (snake_case, as the service sends them).

/** A relative date, an asset type or a metaproperty option, by which keys are set. */
export interface AutomationTerm {
  offset_amount?: number;
  offset_unit?: string;
  asset_type?: string;
  metaproperty_id?: string;
  metaproperty_option_id?: string;
  [key: string]: unknown;
}

export interface AutomationExpression {
  operator?: string;
  term?: AutomationTerm[];
  [key: string]: unknown;
}

export interface AutomationCondition {
  condition_type?: string;
  expression?: AutomationExpression;
  [key: string]: unknown;
}

/** Conditions that must all hold. */
export interface AutomationConditionGroup {
  and?: AutomationCondition[];
  [key: string]: unknown;
}

export interface AutomationAction {
  action_type?: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface AutomationStep {
  step_triggers?: string[];
  conditions?: AutomationConditionGroup[];
  actions?: AutomationAction[];
  [key: string]: unknown;
}

export interface AutomationRule {
  id: string;
  name?: string;
  status?: string;
  account_id?: string;
  created_by_id?: string;
  edited_by_id?: string;
  date_created?: string;
  date_modified?: string;
  date_removed?: string;
  triggers?: string[];
  steps?: AutomationStep[];
  [key: string]: unknown;
}

export interface AutomationPageLinks {
  previous_page?: string;
  next_page?: string;
  [key: string]: unknown;
}

export interface AutomationRulePage {
  rules: AutomationRule[];
  metadata?: AutomationPageLinks;
  [key: string]: unknown;
}

export interface AutomationTrigger {
  name?: string;
  [key: string]: unknown;
}

export interface AutomationTriggers {
  triggers: AutomationTrigger[];
  [key: string]: unknown;
}

export interface AutomationConditionInfo {
  name?: string;
  weight?: number;
  operators?: string[];
  terms?: AutomationTerm[];
  [key: string]: unknown;
}

export interface AutomationConditions {
  conditions: AutomationConditionInfo[];
  max_conditions_count?: number;
  [key: string]: unknown;
}

export interface AutomationActionInfo {
  action_type?: string;
  [key: string]: unknown;
}

export interface AutomationActions {
  actions: AutomationActionInfo[];
  max_actions_limit?: number;
  [key: string]: unknown;
}

// Brandstore. The order list and the order detail spell their keys differently.

export interface OrderSummary {
  id: string;
  order_ref?: string;
  net_price?: number;
  date_created?: string;
  username?: string;
  account_name?: string;
  order_status?: string;
  currency_symbol?: string;
  [key: string]: unknown;
}

export interface Order {
  id: string;
  dateCreated?: string;
  status?: string;
  orderReference?: string;
  [key: string]: unknown;
}

export interface StoreProduct {
  id: string;
  name?: string;
  description?: string;
  isFeatured?: boolean;
  product_number?: string;
  size_height?: number;
  size_width?: number;
  size_depth?: number;
  weight?: number;
  min_quantity?: number;
  max_quantity?: number;
  default_quantity?: number;
  datecreated?: string;
  isActive?: boolean;
  product_type?: string;
  product_package?: string;
  sku?: string;
  step?: number;
  display_length_unit?: string;
  isFree?: boolean;
  isShipping?: boolean;
  [key: string]: unknown;
}

/** An orderline: `orderlines.get` answers its status, items of `orders.products` its
 * product, quantity and price. */
export interface Orderline {
  id: string;
  orderId?: string;
  status?: string;
  customerReference?: string;
  product?: StoreProduct;
  referenceId?: string;
  name?: string;
  itemPrice?: number;
  quantity?: number;
  [key: string]: unknown;
}

/** A user group (`user_groups.list`, `groups` of a user). */
export interface UserGroup {
  id: string;
  name?: string;
  [key: string]: unknown;
}

/** A derivative: `account.derivatives` (flags as booleans) and `presets.*` (with `id`, flags as 0/1). */
export interface Derivative {
  id?: string;
  prefix?: string;
  width?: number;
  height?: number;
  dpi?: number;
  isPublic?: Flag;
  isCrop?: Flag;
  isOnTheFly?: Flag;
  isExtent?: Flag;
  allowedTypes?: string;
  [key: string]: unknown;
}

/** The integration of an asset usage. */
export interface UsageIntegration {
  id?: string;
  description?: string;
  [key: string]: unknown;
}

/** Where an integration uses an asset (items of `usage.list`). */
export interface Usage {
  id?: string;
  asset_id?: string;
  integration?: UsageIntegration;
  timestamp?: string;
  uri?: string;
  additional?: string;
  [key: string]: unknown;
}

/** A webhook configuration (`webhooks.get`); `status` is 1 (on) or 0 (off). */
export interface Webhook {
  id?: string;
  name?: string;
  endpoint?: string;
  protocol?: string;
  events?: string[];
  preArchivedNotificationDays?: number;
  status?: number;
  createdAt?: string;
  [key: string]: unknown;
}

/** An asset held back by the virus scan (`quarantine.get`); review fields are `None` until reviewed. */
export interface QuarantinedAsset {
  id?: string;
  accountId?: string;
  assetId?: string;
  assetName?: string;
  requesterId?: string;
  scanStatus?: string;
  scanFailureReason?: string;
  dateAdded?: string;
  dateModified?: string;
  uploadEventType?: string;
  fileType?: string;
  fileSize?: number;
  isSafe?: boolean;
  reviewStatus?: string | null;
  reviewedById?: string | null;
  isRemoved?: boolean;
  [key: string]: unknown;
}

/** `quarantine.list`: the count and the assets. */
export interface QuarantinePage {
  totalCount?: number;
  assets?: QuarantinedAsset[];
  [key: string]: unknown;
}

/** An asset removed in the last 30 days (items of `media.recently_removed`). */
export interface RemovedMedia {
  id?: string;
  name?: string;
  dateRemoved?: string;
  dateCreated?: string;
  username?: string;
  userId?: string;
  S3_filepointer?: string;
  [key: string]: unknown;
}

/** One analytics event: v1 events carry `id`, v2 events `eventId`; the other fields depend on the kind. */
export interface AnalyticsEvent {
  eventId?: string;
  id?: string;
  eventType?: string;
  dateTime?: string;
  userId?: string;
  assetId?: string;
  assetType?: string;
  assetName?: string;
  assetAudit?: string;
  fileName?: string;
  mediaItemId?: string;
  mediaItemType?: string;
  downloadReasons?: string[];
  terms?: string[];
  filters?: Json[];
  operator?: string;
  sortOrder?: Record<string, Json>;
  results?: Record<string, Json>;
  keyword?: string;
  totalResults?: number;
  tagsResults?: number;
  assetsResults?: number;
  documentsResults?: number;
  guidelinesResults?: number;
  collectionsResults?: number;
  metapropertiesResults?: number;
  collectionAssetsResults?: number;
  workflowCampaignsResults?: number;
  brandstoreProductsResults?: number;
  collectionId?: string;
  isOwner?: boolean;
  viewOrigin?: string;
  ipAddress?: string;
  userAgent?: string;
  isBynderSupport?: boolean;
  [key: string]: unknown;
}

/** One asset with its metadata (`analytics.asset_report`, items of `analytics.asset_reports`). */
export interface AssetReport {
  assetId?: string;
  name?: string;
  description?: string;
  type?: string;
  audit?: string;
  copyright?: string;
  idHash?: string;
  phash?: string;
  isArchived?: boolean;
  isLimited?: boolean;
  isRemoved?: boolean;
  isWatermarked?: boolean;
  isPublic?: boolean;
  datePublished?: string;
  dateCreated?: string;
  dateModified?: string;
  userCreated?: string;
  userModified?: string;
  metaproperties?: Record<string, Json>;
  [key: string]: unknown;
}

/** An access rule of a metaproperty or option (`content_access.get_metaproperty`, `get_option`). */
export interface ContentAccessRule {
  id?: string;
  contentId?: string;
  contentType?: string;
  level?: string;
  ruleType?: string;
  principalId?: string;
  principalType?: string;
  principalName?: string;
  principalExtraInformation?: Record<string, Json>;
  [key: string]: unknown;
}

/** The default visibility of an option: `visible` or `hidden`. */
export interface OptionVisibility {
  defaultVisibility?: string;
  [key: string]: unknown;
}

/** The HLS and DASH links and player embed code of a video (`streaming.public_links`). */
export interface StreamingLinks {
  hls?: string;
  dash?: string;
  embedCode?: string;
  [key: string]: unknown;
}

/** The content of a text document: ProseMirror `document` (a JSON string) and `html`. */
export interface DocumentAttributes {
  document?: string;
  html?: string;
  documentGroupId?: string;
  [key: string]: unknown;
}

/** The resource of a document answer. */
export interface DocumentData {
  id?: string;
  type?: string;
  attributes?: DocumentAttributes;
  [key: string]: unknown;
}

/** A text document (`documents.get`), in JSON:API form. */
export interface Document {
  data?: DocumentData;
  [key: string]: unknown;
}

/** An option as the taxonomy lists it. */
export interface TaxonomyOption {
  id?: string;
  name?: string;
  externalReference?: string;
  icon?: string;
  metapropertyId?: string;
  [key: string]: unknown;
}

/** A page of `taxonomy.options`; `metadata.nextPage` is the next `start`. */
export interface TaxonomyOptionPage {
  options?: TaxonomyOption[];
  metadata?: Record<string, Json>;
  [key: string]: unknown;
}

/** A product option: `relations` in `pim.metaproperty`, `product_options` in `pim.options`. */
export interface PimOption {
  id?: string;
  name?: string;
  label?: string;
  description?: string;
  metapropertyid?: string;
  relations?: PimOption[];
  product_options?: PimOption[];
  [key: string]: unknown;
}

/** A product metaproperty with its options (`pim.metaproperty`). */
export interface PimMetaproperty {
  id?: string;
  name?: string;
  label?: string;
  description?: string;
  mp_options?: PimOption[];
  [key: string]: unknown;
}

/** One OAuth2 scope and the permissions that grant it. */
export interface ScopeInfo {
  name?: string;
  description?: string;
  anyOfPermissions?: string[];
  [key: string]: unknown;
}

/** A group of OAuth2 scopes. */
export interface ScopeGroup {
  name?: string;
  scopes?: ScopeInfo[];
  [key: string]: unknown;
}

/** The OAuth2 scopes the portal offers (`oauth.scopes`). */
export interface ScopeGroups {
  groups?: ScopeGroup[];
  [key: string]: unknown;
}

/** One hit of a similarity search; `similarityScore` is in (0, 1]. */
export interface SimilarAsset {
  assetId?: string;
  similarityScore?: number;
  [key: string]: unknown;
}

/** `similar_assets.search`: the similar assets, best first. */
export interface SimilarAssets {
  assets?: SimilarAsset[];
  [key: string]: unknown;
}

// Answers of writes, upload steps, option dependencies and exports.

/** Bynder's status envelope, the answer of most v4 writes: `{"message": "Accepted", "statuscode": 202}`, plus `id` when something was created. `statuscode` may arrive as a string; Brandstore spells it `status_code`. */
export interface Status {
  message?: string;
  statuscode?: number | string;
  status_code?: number;
  id?: string;
  [key: string]: unknown;
}

/** The answer of a write that sends no body (HTTP 204, or a 200/201 without one): deletes, Files Service chunks and finalise, webhook updates. */
export type NoContent = null;

/** A plain-text answer: the S3 upload endpoint URL (`upload.s3_endpoint`) or an analytics CSV export (header line first). */
export type PlainText = string;

/** Ids as sent: a collection's asset ids (ColdFusion form), the product layer's metaproperty ids (RFC 4122 form). */
export type IdList = string[];

/** An answer naming one object by its id: `webhooks.create` (RFC 4122 form), `campaigns.create` and `campaigns.modify` (32 hex digits). */
export interface IdRef {
  id?: string;
  [key: string]: unknown;
}

/** `users.create` and `users.modify`: the user written. */
export interface UserRef {
  id?: string;
  username?: string;
  [key: string]: unknown;
}

/** `upload.prepare`: the id of the Files Service upload just opened (its chunks' path id, then the save calls' import id and `jobs.upload`'s `fileId`). */
export interface UploadPrepared {
  file_id?: string;
  [key: string]: unknown;
}

/** The ids of an S3-flow upload: `uploadid` for the register calls, `targetid` where the finished file goes. */
export interface S3File {
  uploadid?: string;
  targetid?: string;
  [key: string]: unknown;
}

/** The signed S3 POST policy: post each part as `multipart/form-data` with these fields in this order (`key` pointing at the part), the file last. */
export interface S3Policy {
  acl?: string;
  success_action_status?: string;
  "Content-Type"?: string;
  key?: string;
  Policy?: string;
  "X-Amz-Signature"?: string;
  "x-amz-credential"?: string;
  "x-amz-algorithm"?: string;
  "x-amz-date"?: string;
  [field: string]: unknown;
}

/** `upload.s3_init`: the upload's ids and the policy its parts are posted with. */
export interface S3Init {
  s3file?: S3File;
  s3_filename?: string;
  target_key?: string;
  multipart_params?: S3Policy;
  [key: string]: unknown;
}

/** Where a finalised S3 upload is stored. */
export interface S3Location {
  bucket?: string;
  path?: string;
  type?: string;
  [key: string]: unknown;
}

/** `upload.s3_register`/`s3_register_form`: a registered part answers only `status` `"ok"`; a finalise answers where the file went and its `importId` (`success` is `1`). */
export interface S3Registration {
  status?: string;
  output?: string;
  batchId?: string;
  file?: S3Location;
  filename?: string;
  importId?: string;
  locationType?: string;
  success?: number;
  [key: string]: unknown;
}

/** `upload.s3_poll`: the polled import ids that are converted, failed or rejected; an id in none of the lists is still converting. */
export interface PollResult {
  itemsDone?: string[];
  itemsFailed?: string[];
  itemsRejected?: string[];
  [key: string]: unknown;
}

/** One file a save made (original or derivative). */
export interface SavedItem {
  original?: string;
  destination?: string;
  [key: string]: unknown;
}

/** `upload.save`, `save_version` and `save_additional`: the asset the upload became; `mediaitems` is `null` for versions and additional files. */
export interface SaveResult {
  accessRequestId?: string;
  mediaid?: string;
  batchId?: string;
  success?: boolean;
  mediaitems?: SavedItem[] | null;
  [key: string]: unknown;
}

/** A usage as `usage.sync` reports it; `reason` says why a rejected one was refused. */
export interface UsageSyncEntry {
  asset_id?: string;
  uri?: string;
  additional?: string;
  reason?: string;
  [key: string]: unknown;
}

/** `usage.sync`: usages sent and kept (`accepted`), recorded (`new`), refused (`rejected`), and deleted because they were not sent (`removed`). */
export interface UsageSync {
  accepted?: UsageSyncEntry[];
  new?: Usage[];
  rejected?: UsageSyncEntry[];
  removed?: UsageSyncEntry[];
  [key: string]: unknown;
}

/** `quarantine.review_many`: how many quarantined assets the review changed. */
export interface QuarantineReviewed {
  updated?: number;
  [key: string]: unknown;
}

/** `jobs.create`, `jobs.modify` and `jobs.finish`: `status` (`Created`, `Updated`, `Finished`) and the job's id. */
export interface JobResult {
  status?: string;
  job_id?: string;
  [key: string]: unknown;
}

/** `jobs.upload`: the id of the job file made (32 hex digits), as `jobs.media` lists it. */
export interface JobUpload {
  mediaId?: string;
  [key: string]: unknown;
}

/** A user, group or profile an access rule applies to (answers of `content_access.add_metaproperty` and `set_option`). */
export interface AccessPrincipal {
  principalId?: string;
  principalType?: string;
  [key: string]: unknown;
}

/** An option's dependencies: option ids per dependency group id, plus `ungrouped`. */
export type DependencyGroups = Record<string, IdList>;

/** The dependencies of a metaproperty's options, keyed by option id (`dependencies.list`; `dependencies.list_all` keys these by metaproperty id). */
export type MetapropertyDependencies = Record<string, DependencyGroups>;

/** `dependencies.get`: the ids an option depends on outside any group, or with `includeGroupedResults` its groups as well. */
export type OptionDependencies = IdList | DependencyGroups;
