//! Deterministic workflow data, linked to the seeded portal: the users are the portal's users,
//! the files on jobs are named after seeded assets.

use std::collections::BTreeMap;

use rand::Rng;
use rand::rngs::StdRng;

use super::Workflow;
use super::model::*;
use super::transitions::{NewJob, advance, finish, new_job};
use crate::store::seed::{EPOCH_END, between};
use crate::store::{State, Time};

/// 2024-01-01T00:00:00Z: workflow data is recent.
const WORKFLOW_START: i64 = 1_704_067_200;
const DAY: i64 = 86_400;

/// (name, [(stage name, kind, responsible group index)]).
type PresetPlan = (
    &'static str,
    &'static [(&'static str, &'static str, Option<usize>)],
);

const PRESETS: &[PresetPlan] = &[
    (
        "Social post",
        &[
            ("Brief", "upload", None),
            ("Design", "upload", Some(2)),
            ("Review", "approve", Some(0)),
        ],
    ),
    (
        "Print flyer",
        &[
            ("Copy", "upload", None),
            ("Layout", "upload", Some(2)),
            ("Proof", "approve", Some(1)),
            ("Print", "download", None),
        ],
    ),
    ("Quick approval", &[("Review", "approve", Some(0))]),
];

const GROUPS: &[(&str, &[usize])] = &[
    ("Content Reviewers", &[0, 1]),
    ("Legal", &[2]),
    ("Designers", &[1, 3]),
];

/// (name, key, closed).
const CAMPAIGNS: &[(&str, &str, bool)] = &[
    ("Spring launch", "SPRL", false),
    ("Summer sale", "SUMS", false),
    ("Brand refresh 2024", "BRND", true),
];

/// (name, campaign index, preset index).
const JOBS: &[(&str, usize, usize)] = &[
    ("Launch banner", 0, 0),
    ("Launch flyer", 0, 1),
    ("Teaser video cut", 0, 2),
    ("Sale announcement", 1, 0),
    ("In-store poster", 1, 1),
    ("Newsletter header", 1, 0),
    ("Logo guidelines", 2, 2),
    ("Stationery", 2, 1),
];

/// Seeds campaigns, jobs, presets, groups and metaproperties from the seeded portal.
pub fn seed(state: &mut State) {
    let users: Vec<String> = state
        .users
        .iter()
        .filter(|u| u.active)
        .map(|u| workflow_user_id(&u.id))
        .collect();
    let files: Vec<(String, String, u64)> = state
        .assets
        .iter()
        .take(40)
        .map(|a| {
            let name = a.active_original().map_or_else(
                || format!("{}.{}", a.name, a.extension),
                |o| o.file_name.clone(),
            );
            (name, a.orientation().to_string(), a.file_size)
        })
        .collect();
    let rng = &mut state.rng;
    let pick = |i: usize| {
        users
            .get(i % users.len().max(1))
            .cloned()
            .unwrap_or_default()
    };
    let admin = pick(0);
    let mut wf = Workflow {
        account_id: new_id(rng),
        ..Workflow::default()
    };
    wf.metaproperties = metaproperties(rng, &admin);
    for (name, members) in GROUPS {
        wf.groups.push(WorkflowGroup {
            id: new_id(rng),
            name: (*name).to_string(),
            created_by: admin.clone(),
            created: recent(rng),
            user_ids: members.iter().map(|i| pick(*i)).collect(),
        });
    }
    for (name, stages) in PRESETS {
        let preset = JobPreset {
            id: new_id(rng),
            name: (*name).to_string(),
            wf_uuid: new_id(rng),
            stages: stages
                .iter()
                .zip(1..)
                .map(|((stage, kind, group), position)| PresetStage {
                    id: new_id(rng),
                    name: (*stage).to_string(),
                    description: String::new(),
                    position,
                    editable_by: "all".to_string(),
                    restrict_to_group_id: None,
                    kind: (*kind).to_string(),
                    responsible_id: None,
                    responsible_group_id: group.map(|g| wf.groups[g].id.clone()),
                })
                .collect(),
        };
        wf.presets.push(preset);
    }
    for (i, (name, key, closed)) in CAMPAIGNS.iter().enumerate() {
        let created = recent(rng);
        wf.campaigns.push(Campaign {
            id: new_id(rng),
            name: (*name).to_string(),
            key: (*key).to_string(),
            description: format!("{name}: every asset the campaign needs."),
            date_start: Some(created + chrono::Duration::days(7)),
            deadline: Some(created + chrono::Duration::days(60)),
            closed: *closed,
            responsible_id: Some(pick(i)),
            created_by: admin.clone(),
            preset_id: Some(wf.presets[i % wf.presets.len()].id.clone()),
            created,
            modified: created,
            metaproperties: BTreeMap::new(),
        });
    }
    for (n, (name, campaign, preset)) in JOBS.iter().enumerate() {
        let campaign = wf.campaigns[*campaign].clone();
        let preset = wf.presets[*preset].clone();
        let created = campaign.created + chrono::Duration::days(rng.random_range(1..20));
        let mut job = new_job(
            rng,
            NewJob {
                name,
                campaign: &campaign,
                preset: &preset,
                accountable: pick(n + 1),
                created_by: admin.clone(),
                created,
                number: n as u32 + 1,
            },
        );
        job.booked_minutes = rng.random_range(0..240);
        job.deadline = Some(created + chrono::Duration::days(rng.random_range(10..40)));
        // Seeded jobs sit at every point of their preset; the last one of a closed campaign
        // is finished.
        let target = rng.random_range(0..job.stages.len());
        for _ in 0..target {
            advance(&mut job);
        }
        if campaign.closed {
            while !job.on_last_stage() {
                advance(&mut job);
            }
            let when = created + chrono::Duration::days(30);
            finish(&mut job, &admin, when);
        }
        let attached = if files.is_empty() {
            0
        } else {
            rng.random_range(0..3)
        };
        for _ in 0..attached {
            let (filename, orientation, size) = files[rng.random_range(0..files.len())].clone();
            let uploaded = created + chrono::Duration::hours(rng.random_range(1..200));
            let status = MEDIA_STATUSES[rng.random_range(0..MEDIA_STATUSES.len())];
            job.media.push(JobMedia {
                id: new_id(rng),
                filename,
                uploader_id: job.accountable_id.clone(),
                created: uploaded,
                modified: uploaded,
                status: status.to_string(),
                orientation,
                version: 1,
                parent_id: None,
                size,
            });
        }
        wf.job_counter = n as u32 + 1;
        wf.jobs.push(job);
    }
    state.workflow = wf;
}

fn recent(rng: &mut StdRng) -> Time {
    between(rng, WORKFLOW_START, EPOCH_END - 90 * DAY)
}

fn metaproperties(rng: &mut StdRng, admin: &str) -> Vec<WorkflowMetaproperty> {
    let plan: [(&str, &str, &str, &str, &[&str]); 4] = [
        (
            "Holiday Type",
            "JOB-1",
            "select",
            "job",
            &["Beach", "Sightseeing", "Wintersport", "Nature"],
        ),
        ("Country", "JOB-2", "text", "job", &[]),
        (
            "Channel",
            "CAMPAIGN-1",
            "select",
            "campaign",
            &["Social", "Print", "Web", "Email"],
        ),
        ("Budget code", "CAMPAIGN-2", "text", "campaign", &[]),
    ];
    plan.iter()
        .zip(1..)
        .map(|((label, short, kind, entity, options), position)| {
            let created = recent(rng);
            WorkflowMetaproperty {
                id: new_id(rng),
                label: (*label).to_string(),
                short_name: (*short).to_string(),
                description: String::new(),
                position,
                kind: (*kind).to_string(),
                required: false,
                entity: (*entity).to_string(),
                created_by: admin.to_string(),
                created,
                options: options
                    .iter()
                    .zip(1..)
                    .map(|(option, position)| WorkflowOption {
                        id: new_id(rng),
                        label: (*option).to_string(),
                        position,
                        default: position == 1,
                        created,
                    })
                    .collect(),
            }
        })
        .collect()
}
