package org.fundguard.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.fundguard.calendar.DateOutsideCalendar;
import org.fundguard.calendar.Deadlines;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way FundGuard lists, claims and completes user tasks, whatever the process: the workbench, every module's
 * pages and API. Who may work a task is decided here once (its assignee, or anyone it is offered to by name or role
 * while nobody holds it); a completion takes only the fields of the task's own Camunda Form, typed as Tasklist types
 * them, and runs as the user so that the model's listeners see who did it. What the module's listeners refuse comes
 * back as their {@link Refused}, not as the engine's wrapper. Camunda Tasklist completes the same tasks with the same
 * forms and the same listeners, so a rule holds there too.
 */
@Service
public class TaskGateway {

	private static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");
	private static final int LIMIT = 200;
	private static final ObjectMapper JSON = new ObjectMapper();

	private final TaskService tasks;
	private final RuntimeService runtime;
	private final FormService forms;
	private final IdentityService identity;
	private final Deadlines deadlines;
	private final AuthorizationService authorizations;

	public TaskGateway(TaskService tasks, RuntimeService runtime, FormService forms, IdentityService identity, Deadlines deadlines,
			AuthorizationService authorizations) {
		this.authorizations = authorizations;
		this.tasks = tasks;
		this.runtime = runtime;
		this.forms = forms;
		this.identity = identity;
		this.deadlines = deadlines;
	}

	/**
	 * The open tasks the user should see: assigned to the user, or offered to one of the user's roles or to the user by
	 * name; only of these processes, if any are named; not those a module's rule bars the user from
	 * ({@link TaskExclusions}), as Camunda Tasklist leaves them out. Overdue first, then by due date, then the oldest.
	 */
	public List<WorkItem> openFor(CurrentUser user, String... processKeys) {
		TaskQuery query = tasks.createTaskQuery().active();
		if (user.groupIds().isEmpty()) {
			query.taskAssignee(user.username());
		}
		else {
			query.or().taskAssignee(user.username()).taskCandidateGroupIn(List.copyOf(user.groupIds())).endOr();
		}
		TaskQuery byName = tasks.createTaskQuery().active().taskCandidateUser(user.username());
		if (processKeys.length > 0) {
			query.processDefinitionKeyIn(processKeys);
			byName.processDefinitionKeyIn(processKeys);
		}
		Map<String, Task> found = new LinkedHashMap<>();
		query.listPage(0, LIMIT).forEach(t -> found.put(t.getId(), t));
		// offered by name: Camunda's candidate-user query leaves out tasks someone has claimed, as wanted here
		byName.listPage(0, LIMIT).forEach(t -> found.putIfAbsent(t.getId(), t));
		return items(List.copyOf(found.values())).stream().filter(t -> t.listedFor(user)).sorted(URGENT_FIRST).toList();
	}

	/** The open tasks of the process instances with this business key (a case, report or plan), of these processes. */
	public List<WorkItem> openOf(String subject, String... processKeys) {
		TaskQuery query = tasks.createTaskQuery().active().processInstanceBusinessKey(subject);
		if (processKeys.length > 0) {
			query.processDefinitionKeyIn(processKeys);
		}
		return items(query.orderByTaskCreateTime().asc().list());
	}

	/** The open tasks whose process instance carries this variable value (an id), of these processes. */
	public List<WorkItem> openWhere(String variable, Object value, String... processKeys) {
		TaskQuery query = tasks.createTaskQuery().active().processVariableValueEquals(variable, value);
		if (processKeys.length > 0) {
			query.processDefinitionKeyIn(processKeys);
		}
		return items(query.orderByTaskCreateTime().asc().list());
	}

	/** The open task of that id, as anyone sees it; pages check {@link WorkItem#workableBy} before offering it. */
	public Optional<WorkItem> find(String taskId) {
		return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).active().singleResult())
			.map(t -> items(List.of(t)).getFirst());
	}

	/** Takes the task for the user: it must be offered to the user and held by nobody else. */
	@Transactional
	public void claim(String taskId, CurrentUser user) {
		WorkItem task = open(taskId);
		if (task.mine(user)) {
			return;
		}
		if (task.assignee() != null) {
			throw Refused.conflict("process.task.claimed-by", task.assignee());
		}
		if (!task.offeredTo(user)) {
			throw Refused.forbidden("process.task.not-yours");
		}
		engine(() -> tasks.claim(taskId, user.username()));
	}

	/** Gives a task the user holds back to everyone it is offered to. */
	@Transactional
	public void release(String taskId, CurrentUser user) {
		WorkItem task = open(taskId);
		if (!task.mine(user)) {
			throw Refused.forbidden("process.task.not-yours");
		}
		engine(() -> tasks.setAssignee(taskId, null));
	}

	/** The task's Camunda Form with the current values of its fields. */
	public TaskForm form(String taskId) {
		Map<String, Object> variables = tasks.getVariables(taskId);
		try (InputStream in = forms.getDeployedTaskForm(taskId)) {
			return TaskForm.parse(JSON.readTree(in), variables);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Completes the task as the user with the submitted values of its form's fields (claiming it first when it is
	 * offered to the user and nobody holds it); all or nothing.
	 */
	@Transactional
	public void complete(String taskId, CurrentUser user, Map<String, String> submitted) {
		WorkItem task = open(taskId);
		if (task.assignee() != null && !task.mine(user)) {
			throw Refused.conflict("process.task.not-claimed-by-you", task.assignee());
		}
		if (task.assignee() == null) {
			if (!task.offeredTo(user)) {
				throw Refused.forbidden("process.task.not-yours");
			}
			engine(() -> tasks.claim(taskId, user.username()));
		}
		Map<String, Object> variables = form(taskId).variables(submitted);
		identity.setAuthentication(user.username(), List.copyOf(user.groupIds()));
		try {
			engine(() -> tasks.complete(taskId, variables));
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * The variables the task sees, typed, with who works it: for the model's listeners, which get only the task's id
	 * and read what its form submitted here.
	 */
	public TaskValues values(String taskId) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw Refused.notFound("process.task.not-open");
		}
		String userId = task.getAssignee();
		if (userId == null || userId.isBlank()) {
			var auth = identity.getCurrentAuthentication();
			userId = auth == null ? null : auth.getUserId();
		}
		Optional<String> offeredTo = links(taskId).stream()
			.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst();
		return new TaskValues(taskId, task.getTaskDefinitionKey(), tasks.getVariables(taskId), userId, offeredTo);
	}

	/**
	 * One variable as the task sees it (its own, its execution's or the process's), without reading all of them: for
	 * lists that need one id per task, e.g. the inspection a multi-instance task belongs to.
	 */
	public Object variable(String taskId, String name) {
		return tasks.getVariable(taskId, name);
	}

	/** Writes a variable where the task's process keeps it (e.g. a value a listener normalised for the next step). */
	public void set(String taskId, String name, Object value) {
		tasks.setVariable(taskId, name, value);
	}

	private WorkItem open(String taskId) {
		return find(taskId).orElseThrow(() -> Refused.notFound("process.task.not-open"));
	}

	private WorkItem item(Task task, String subject, Set<String> barred) {
		List<String> groups = new ArrayList<>();
		List<String> users = new ArrayList<>();
		for (IdentityLink link : links(task.getId())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				if (link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
				if (link.getUserId() != null) {
					users.add(link.getUserId());
				}
			}
		}
		String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
		Date due = task.getDueDate();
		return new WorkItem(task.getId(), task.getTaskDefinitionKey(), task.getName(), processKey,
				task.getProcessInstanceId(), subject, task.getAssignee(), groups, users, at(task.getCreateTime()),
				at(due), deadlines.isOverdue(due), workingDaysLeft(due), deadlines.isProvisional(due), barred);
	}

	/** The business keys of the tasks' process instances, in one query. */
	private Map<String, String> subjects(List<Task> list) {
		Set<String> instances = new HashSet<>();
		list.forEach(t -> {
			if (t.getProcessInstanceId() != null) {
				instances.add(t.getProcessInstanceId());
			}
		});
		Map<String, String> keys = new HashMap<>();
		if (!instances.isEmpty()) {
			runtime.createProcessInstanceQuery().processInstanceIds(instances).list()
				.forEach(p -> keys.put(p.getId(), p.getBusinessKey()));
		}
		return keys;
	}

	private List<WorkItem> items(List<Task> list) {
		Map<String, String> subjects = subjects(list);
		Set<String> ids = new HashSet<>();
		list.forEach(t -> ids.add(t.getId()));
		Map<String, Set<String>> barred = BarredUsers.of(authorizations, ids);
		return list.stream()
			.map(t -> item(t, subjects.get(t.getProcessInstanceId()), barred.getOrDefault(t.getId(), Set.of())))
			.toList();
	}

	private Integer workingDaysLeft(Date due) {
		if (due == null) {
			return null;
		}
		try {
			return deadlines.workingDaysLeft(due);
		}
		catch (DateOutsideCalendar e) {
			return null;
		}
	}

	private List<IdentityLink> links(String taskId) {
		return tasks.getIdentityLinksForTask(taskId);
	}

	private static OffsetDateTime at(Date date) {
		return date == null ? null : date.toInstant().atZone(BUREAU_ZONE).toOffsetDateTime();
	}

	/** Runs an engine call; a refusal of the model's listeners leaves as itself, not in the engine's wrapper. */
	private static void engine(Runnable call) {
		try {
			call.run();
		}
		catch (ProcessEngineException e) {
			throw Refused.in(e).map(RuntimeException.class::cast).orElse(e);
		}
	}

	private static final Comparator<WorkItem> URGENT_FIRST = Comparator.comparing((WorkItem t) -> !t.overdue())
		.thenComparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(WorkItem::created, Comparator.nullsLast(Comparator.naturalOrder()));
}
